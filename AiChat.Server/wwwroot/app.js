// AiChat's chat page: one module, no framework. ?api=https://host sets the API's origin when the page is hosted
// elsewhere (static hosting in front of the Function App); by default the page talks to the server that served it.
// ?api= is honoured only for the page's own origin or one that chat-page.json beside the page lists (the self-host
// writes it from CHAT_PAGE_API_ORIGINS), so a link cannot send a user's messages and location to a server it names.
const api = await apiOrigin(new URLSearchParams(location.search).get("api"));
document.getElementById("api-origin").textContent = `API: ${api || location.origin}`;

async function apiOrigin(requested) {
  let origin;
  try {
    origin = new URL(requested).origin;
  } catch {
    return "";
  }
  if (!requested || origin === location.origin) return "";
  try {
    const response = await fetch("chat-page.json");
    const allowed = response.ok ? (await response.json()).apiOrigins ?? [] : [];
    return allowed.includes(origin) ? origin : "";
  } catch {
    return "";
  }
}

const $ = (id) => document.getElementById(id);
const ui = {
  model: $("model"), shareLocation: $("share-location"), locationStatus: $("location-status"), newChat: $("new-chat"), messages: $("messages"),
  error: $("error"), composer: $("composer"), message: $("message"), send: $("send"), stop: $("stop"),
  attach: $("attach"), attachments: $("attachments"),
  toolStatus: $("tool-status"), weather: $("weather"), map: $("map"), places: $("places"),
};

let sessionId = null;
let controller = null;
let userLocation = null;
/** The models by id, as /api/models lists them: their thinking and image input. */
const models = new Map();
/** The images to go with the next message, as data URLs. */
let attachments = [];

// ---- the API ----------------------------------------------------------------------------------------------------

async function loadModels() {
  const response = await fetch(`${api}/api/models`);
  if (!response.ok) throw new Error(await describeError(response));
  const { models: list } = await response.json();
  for (const m of list) models.set(m.id, m);
  ui.model.replaceChildren(new Option("Server default", ""), ...list.map((m) => new Option(modelLabel(m), m.id)));
}

/** A model's name with what it does beyond text here: "thinks" (always or by default; the page never switches it), "images". */
function modelLabel(model) {
  const traits = [model.thinking === "only" || model.thinking === "hybrid-on" ? "thinks" : null,
    model.imageInput ? "images" : null].filter(Boolean);
  const name = model.name || model.id;
  return traits.length ? `${name} (${traits.join(", ")})` : name;
}

/** An error answer in words: the server's message, with the wait for a 429 and the reason for a 503. */
async function describeError(response) {
  let body = {};
  try { body = await response.json(); } catch { /* not JSON: the status says enough */ }
  const message = body.error ?? body.detail ?? response.statusText;
  if (response.status === 429) {
    const wait = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
    return Number.isFinite(wait)
      ? `Too many requests: please wait ${wait} second${wait === 1 ? "" : "s"} and try again. (${message})`
      : `Too many requests: please wait a moment and try again. (${message})`;
  }
  if (response.status === 503) return `The service is unavailable: ${message}`;
  if (body.code === "invalid_image" || body.code === "image_url_not_allowed") return `The image was refused: ${message}`;
  return `Error ${response.status}: ${message}`;
}

/** Reads an SSE body and calls onEvent with each event's parsed data, until the stream ends or is aborted. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll("\r\n", "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
      if (data) onEvent(JSON.parse(data));
    }
  }
}

// ---- the conversation -------------------------------------------------------------------------------------------

function addMessage(role, text, images = []) {
  const item = document.createElement("li");
  item.className = role;
  item.textContent = text;
  if (images.length) {
    const pictures = document.createElement("div");
    pictures.className = "images";
    pictures.append(...images.map((url, index) => thumbnail(url, `Image ${index + 1} sent`)));
    item.append(pictures);
  }
  ui.messages.append(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

function showError(text) {
  ui.error.textContent = text;
  ui.error.hidden = !text;
}

function setBusy(busy) {
  ui.send.disabled = busy;
  ui.stop.disabled = !busy;
}

function thumbnail(url, alt) {
  const image = document.createElement("img");
  image.className = "thumbnail";
  image.src = url;
  image.alt = alt;
  return image;
}

async function ask(message, images) {
  showError("");
  addMessage("user", message, images);
  const answer = addMessage("assistant", "");
  answer.setAttribute("aria-busy", "true");
  ui.toolStatus.replaceChildren();
  controller = new AbortController();
  setBusy(true);
  try {
    const request = { message, model: ui.model.value || undefined, session_id: sessionId ?? undefined };
    if (images.length) request.images = images;
    if (userLocation) request.client_context = { map_crs: "gcj02", location: userLocation };
    const response = await fetch(`${api}/api/chat/events`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
      signal: controller.signal,
    });
    if (!response.ok) {
      answer.remove();
      const error = await describeError(response);
      showError(error);
      // A refused image stays attached, to be removed or replaced before sending again.
      if (images.length && !attachments.length && error.startsWith("The image was refused")) setAttachments(images);
      return;
    }
    await readEvents(response.body, (event) => handle(event, answer));
  } catch (error) {
    if (error.name === "AbortError") answer.classList.add("stopped");
    else showError(`The connection failed: ${error.message}`);
  } finally {
    answer.removeAttribute("aria-busy");
    controller = null;
    setBusy(false);
    ui.message.focus();
  }
}

function handle(event, answer) {
  switch (event.type) {
    case "stream_start": sessionId = event.session_id ?? sessionId; break;
    case "stream_reasoning": thinking(answer).append(event.chunk); break;
    case "stream_chunk": answerText(answer).append(event.chunk); break;
    case "tool_status": showToolStatus(event); break;
    case "geo_card": if (event.card?.kind === "weather") showWeather(event.card); break;
    case "map_action": map.apply(event.action); break;
    case "error": showError(`The answer failed: ${event.error}`); break;
    default: break; // stream_end, and event types this page does not know
  }
}

/**
 * The answer's "thinking" block, made at the first reasoning chunk: a <details> above the answer, open while the
 * model reasons, that the reader can fold away. Returns the element the reasoning goes into.
 */
function thinking(answer) {
  let block = answer.querySelector(".thinking");
  if (!block) {
    block = document.createElement("details");
    block.className = "thinking";
    block.open = true;
    const summary = document.createElement("summary");
    summary.textContent = "Thinking…";
    const text = document.createElement("div");
    text.className = "reasoning";
    block.append(summary, text);
    answer.prepend(block);
  }
  return block.querySelector(".reasoning");
}

/** Where the answer's text goes: the item itself, or after its thinking block once there is one. */
function answerText(answer) {
  const block = answer.querySelector(".thinking");
  if (!block) return answer;
  block.querySelector("summary").textContent = "Thought";
  let text = answer.querySelector(".text");
  if (!text) {
    text = document.createElement("div");
    text.className = "text";
    answer.append(text);
  }
  return text;
}

function showToolStatus(event) {
  let item = ui.toolStatus.querySelector(`[data-call="${CSS.escape(event.call_id)}"]`);
  if (!item) {
    item = document.createElement("li");
    item.dataset.call = event.call_id;
    ui.toolStatus.append(item);
  }
  item.className = event.status;
  item.textContent = event.status === "started" ? (event.label ?? `${event.tool}…`)
    : event.status === "succeeded" ? `${event.tool}: done${event.result_count != null ? ` (${event.result_count})` : ""}`
      : `${event.tool}: ${event.message ?? `failed (${event.error_code ?? "error"})`}`;
}

function showWeather(card) {
  const heading = document.createElement("h3");
  heading.textContent = `${card.city} weather`;
  const parts = [heading];
  if (card.live) {
    const live = document.createElement("p");
    live.className = "live";
    const wind = [card.live.wind_dir, card.live.wind_power].filter(Boolean).join(" ");
    live.textContent = [card.live.weather, card.live.temperature_c != null ? `${card.live.temperature_c} °C` : null,
      card.live.humidity_pct != null ? `humidity ${card.live.humidity_pct}%` : null, wind ? `wind ${wind}` : null]
      .filter(Boolean).join(" · ");
    parts.push(live);
  }
  if (card.forecast?.length) {
    const table = document.createElement("table");
    table.innerHTML = "<caption class=\"visually-hidden\">Forecast</caption><tr><th scope=\"col\">Date</th><th scope=\"col\">Day</th><th scope=\"col\">Night</th><th scope=\"col\">°C</th></tr>";
    for (const day of card.forecast) {
      const row = table.insertRow();
      for (const text of [day.date, day.day, day.night, `${day.min_c ?? "?"}–${day.max_c ?? "?"}`]) row.insertCell().textContent = text;
    }
    parts.push(table);
  }
  ui.weather.replaceChildren(...parts);
  ui.weather.hidden = false;
}

// ---- the map: Web Mercator onto an SVG, no tiles --------------------------------------------------------------

const map = (() => {
  const width = 400, height = 300, svg = "http://www.w3.org/2000/svg";
  const layers = new Map();
  let view = { center: [105, 35], zoom: 3 };
  let highlighted = null;

  const worldX = (lng, zoom) => (lng + 180) / 360 * 256 * 2 ** zoom;
  const worldY = (lat, zoom) => {
    const s = Math.sin(lat * Math.PI / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256 * 2 ** zoom;
  };
  const project = ([lng, lat]) => [
    width / 2 + worldX(lng, view.zoom) - worldX(view.center[0], view.zoom),
    height / 2 + worldY(lat, view.zoom) - worldY(view.center[1], view.zoom),
  ];

  function fitBounds([[minLng, minLat], [maxLng, maxLat]], padding = 48, maxZoom = 16) {
    const spanX = worldX(maxLng, 0) - worldX(minLng, 0);
    const spanY = worldY(minLat, 0) - worldY(maxLat, 0);
    const fit = Math.min(Math.log2((width - 2 * Math.min(padding, width / 4)) / Math.max(spanX, 1e-9)),
      Math.log2((height - 2 * Math.min(padding, height / 4)) / Math.max(spanY, 1e-9)));
    view = { center: [(minLng + maxLng) / 2, (minLat + maxLat) / 2], zoom: Math.max(1, Math.min(maxZoom, fit)) };
  }

  function element(name, attributes) {
    const node = document.createElementNS(svg, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    return node;
  }

  function draw() {
    const nodes = [ui.map.querySelector("title")];
    for (let x = 0; x <= width; x += 50) nodes.push(element("line", { class: "grid", x1: x, y1: 0, x2: x, y2: height }));
    for (let y = 0; y <= height; y += 50) nodes.push(element("line", { class: "grid", x1: 0, y1: y, x2: width, y2: y }));
    const all = [...layers.values()].flatMap((layer) => [...layer.values()]);
    all.forEach((marker, index) => {
      const [x, y] = project(marker.position);
      const group = element("g", { class: `marker${marker.id === highlighted ? " highlight" : ""}`, "data-id": marker.id, transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})` });
      const title = element("title", {});
      title.textContent = marker.subtitle ? `${marker.title}, ${marker.subtitle}` : marker.title;
      const number = element("text", {});
      number.textContent = String(marker.rank ?? index + 1);
      const label = element("text", { class: "label", x: 10, y: 3 });
      label.textContent = marker.title;
      group.append(title, element("circle", { r: 8 }), number, label);
      nodes.push(group);
    });
    ui.map.replaceChildren(...nodes);
    ui.places.replaceChildren(...all.map((marker) => {
      const item = document.createElement("li");
      item.textContent = marker.title;
      if (marker.subtitle) {
        const detail = document.createElement("small");
        detail.textContent = marker.subtitle;
        item.append(detail);
      }
      return item;
    }));
  }

  function apply(action) {
    switch (action?.kind) {
      case "add_markers": {
        const layer = action.replace || !layers.has(action.layer) ? new Map() : layers.get(action.layer);
        for (const marker of action.markers) layer.set(marker.id, marker);
        layers.set(action.layer, layer);
        break;
      }
      case "remove_markers":
        if (action.ids) for (const id of action.ids) layers.get(action.layer)?.delete(id);
        else layers.delete(action.layer);
        break;
      case "clear":
        for (const name of action.layers ?? [...layers.keys()]) layers.delete(name);
        break;
      case "fit_bounds": fitBounds(action.bounds, action.padding_px, action.max_zoom); break;
      case "fly_to": view = { center: action.center, zoom: action.zoom }; break;
      case "highlight": highlighted = action.id; break;
      default: return; // a kind this page does not know
    }
    draw();
  }

  function reset() {
    layers.clear();
    highlighted = null;
    view = { center: [105, 35], zoom: 3 };
    draw();
  }

  return { apply, reset };
})();

// ---- wiring -----------------------------------------------------------------------------------------------------

// ---- images to send: attached, pasted or dropped; sent as data URLs (img-src allows data:) ----------------------

const imageTypes = ["image/jpeg", "image/png", "image/webp", "image/gif"];

function setAttachments(urls) {
  attachments = urls;
  ui.attachments.replaceChildren(...urls.map((url, index) => {
    const item = document.createElement("li");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.setAttribute("aria-label", `Remove image ${index + 1}`);
    remove.addEventListener("click", () => {
      setAttachments(attachments.filter((_, i) => i !== index));
      ui.message.focus();
    });
    item.append(thumbnail(url, `Image ${index + 1} to send`), remove);
    return item;
  }));
}

async function attach(files) {
  const images = [...files].filter((file) => imageTypes.includes(file.type));
  if (images.length < files.length) showError("Only JPEG, PNG, WebP and GIF images can be sent.");
  if (!images.length) return;
  const urls = await Promise.all(images.map((file) => new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  })));
  setAttachments([...attachments, ...urls]);
}

ui.attach.addEventListener("change", () => {
  attach(ui.attach.files).catch((error) => showError(`The image could not be read: ${error.message}`));
  ui.attach.value = "";
});

ui.message.addEventListener("paste", (event) => {
  const files = [...event.clipboardData.files];
  if (!files.length) return;
  event.preventDefault();
  attach(files).catch((error) => showError(`The image could not be read: ${error.message}`));
});

ui.composer.addEventListener("dragover", (event) => {
  if (event.dataTransfer.types.includes("Files")) event.preventDefault();
});

ui.composer.addEventListener("drop", (event) => {
  if (!event.dataTransfer.files.length) return;
  event.preventDefault();
  attach(event.dataTransfer.files).catch((error) => showError(`The image could not be read: ${error.message}`));
});

// ---- wiring -----------------------------------------------------------------------------------------------------

ui.composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const message = ui.message.value.trim();
  if (!message || controller) return;
  const model = models.get(ui.model.value);
  if (attachments.length && !model?.imageInput) {
    showError(model ? `${model.name || model.id} does not read images: pick a model marked "images", or remove the images.`
      : `To send images, pick a model marked "images" (the server's default may not read them), or remove the images.`);
    return;
  }
  const images = attachments;
  ui.message.value = "";
  setAttachments([]);
  ask(message, images);
});

ui.message.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});

ui.stop.addEventListener("click", () => controller?.abort());

ui.newChat.addEventListener("click", () => {
  controller?.abort();
  sessionId = null;
  setAttachments([]);
  ui.messages.replaceChildren();
  ui.toolStatus.replaceChildren();
  ui.weather.hidden = true;
  showError("");
  map.reset();
  ui.message.focus();
});

ui.shareLocation.addEventListener("change", () => {
  userLocation = null;
  ui.locationStatus.textContent = "";
  if (!ui.shareLocation.checked) return;
  if (!navigator.geolocation) {
    ui.shareLocation.checked = false;
    showError("This browser cannot tell your location.");
    return;
  }
  ui.locationStatus.textContent = "locating…";
  navigator.geolocation.getCurrentPosition(
    ({ coords }) => {
      userLocation = { lng: coords.longitude, lat: coords.latitude, crs: "wgs84", accuracy_m: coords.accuracy };
      ui.locationStatus.textContent = `located (±${Math.round(coords.accuracy)} m)`;
    },
    (error) => {
      ui.shareLocation.checked = false;
      ui.locationStatus.textContent = "";
      showError(`Your location is not available: ${error.message}`);
    },
    { maximumAge: 600000, timeout: 10000 });
});

map.reset();
loadModels().catch((error) => showError(`The models could not be loaded: ${error.message}`));
