using System.Globalization;
using System.Text.Json.Nodes;
using static AiChat.Emulator.AMap.AMapJsonValues;

namespace AiChat.Emulator.AMap;

/// <summary>The answers of each emulated path over <see cref="AMapWorld"/>, in AMap's v3 shapes.</summary>
internal static class AMapAnswers
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "Beijing", "Beijing");

    public static JsonObject Answer(string path, IReadOnlyDictionary<string, string> query, DateTimeOffset now) => path switch
    {
        "/v3/weather/weatherInfo" => Weather(query, now),
        "/v3/place/text" => PlaceText(query),
        "/v3/place/around" => PlaceAround(query),
        "/v3/assistant/inputtips" => InputTips(query),
        "/v3/geocode/geo" => Geocode(query),
        "/v3/geocode/regeo" => Regeo(query),
        "/v3/assistant/coordinate/convert" => Convert(query),
        _ => Error("10002"),
    };

    private static JsonObject Weather(IReadOnlyDictionary<string, string> query, DateTimeOffset now)
    {
        if (!query.TryGetValue("city", out var city))
        {
            return Error("20001");
        }

        // A name is accepted too and can match several areas, as AMap's does.
        var areas = AMapWorld.Areas.Where(a => a.Adcode == city || a.Aliases.Contains(city)).ToList();
        var local = TimeZoneInfo.ConvertTime(now, Beijing);
        var reportTime = local.AddMinutes(-local.Minute % 30).ToString("yyyy-MM-dd HH:mm:00", CultureInfo.InvariantCulture);
        var answer = Ok(areas.Count.ToString(CultureInfo.InvariantCulture));
        if (query.GetValueOrDefault("extensions") == "all")
        {
            answer["forecasts"] = new JsonArray([.. areas.Select(area => new JsonObject
            {
                ["city"] = area.Name, ["adcode"] = area.Adcode, ["province"] = area.ProvinceShort, ["reporttime"] = reportTime,
                ["casts"] = new JsonArray([.. area.Weather.Casts.Select((cast, day) => new JsonObject
                {
                    ["date"] = local.Date.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["week"] = ((int)local.Date.AddDays(day).DayOfWeek is 0 ? 7 : (int)local.Date.AddDays(day).DayOfWeek).ToString(CultureInfo.InvariantCulture),
                    ["dayweather"] = cast.Day, ["nightweather"] = cast.Night,
                    ["daytemp"] = Number(cast.DayTemp), ["nighttemp"] = Number(cast.NightTemp),
                    ["daywind"] = cast.Wind, ["nightwind"] = cast.Wind, ["daypower"] = cast.Power, ["nightpower"] = cast.Power,
                    ["daytemp_float"] = Number(cast.DayTemp) + ".0", ["nighttemp_float"] = Number(cast.NightTemp) + ".0",
                })]),
            })]);
        }
        else
        {
            answer["lives"] = new JsonArray([.. areas.Select(area => new JsonObject
            {
                ["province"] = area.ProvinceShort, ["city"] = area.Name, ["adcode"] = area.Adcode,
                ["weather"] = area.Weather.Weather, ["temperature"] = Number(area.Weather.Temperature),
                ["winddirection"] = area.Weather.WindDirection, ["windpower"] = area.Weather.WindPower,
                ["humidity"] = Number(area.Weather.Humidity), ["reporttime"] = reportTime,
                ["temperature_float"] = Number(area.Weather.Temperature) + ".0", ["humidity_float"] = Number(area.Weather.Humidity) + ".0",
            })]);
        }

        return answer;
    }

    private static JsonObject PlaceText(IReadOnlyDictionary<string, string> query)
    {
        var keywords = query.GetValueOrDefault("keywords") ?? query.GetValueOrDefault("types");
        if (keywords is null)
        {
            return Error("20001");
        }

        var hits = AMapWorld.Pois.Where(p => AMapWorld.Matches(p, keywords)).ToList();
        if (query.TryGetValue("city", out var city))
        {
            var inCity = hits.Where(p => AMapWorld.InCity(p, city)).ToList();
            // citylimit=true restricts; without it the city only puts its own hits first.
            hits = query.GetValueOrDefault("citylimit") is "true" or "True" ? inCity : [.. inCity, .. hits.Except(inCity)];
        }
        else if (hits.Select(p => p.CityAdcode).Distinct().Count() > 1)
        {
            // A generic keyword without a city: no POIs, the cities that have hits instead.
            var answer = Ok(hits.Count.ToString(CultureInfo.InvariantCulture));
            answer["suggestion"] = new JsonObject
            {
                ["keywords"] = new JsonArray(),
                ["cities"] = new JsonArray([.. hits.GroupBy(p => p.CityAdcode).Select(g => new JsonObject
                {
                    ["name"] = g.First().City, ["num"] = g.Count().ToString(CultureInfo.InvariantCulture),
                    ["citycode"] = g.First().Citycode, ["adcode"] = g.Key,
                })]),
            };
            answer["pois"] = new JsonArray();
            return answer;
        }

        return Page(query, hits, distances: null);
    }

    private static JsonObject PlaceAround(IReadOnlyDictionary<string, string> query)
    {
        if (ParseLocation(query.GetValueOrDefault("location")) is not { } center)
        {
            return Error(query.ContainsKey("location") ? "20000" : "20001");
        }

        var radius = double.TryParse(query.GetValueOrDefault("radius"), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? Math.Clamp(r, 0, 50000) : 5000;
        var keywords = query.GetValueOrDefault("keywords");
        var hits = AMapWorld.Pois
            .Where(p => keywords is null || AMapWorld.Matches(p, keywords))
            .Select(p => (Poi: p, Distance: AMapWorld.Distance(center, p.Location)))
            .Where(h => h.Distance <= radius)
            .OrderBy(h => h.Distance)
            .ToList();
        return Page(query, [.. hits.Select(h => h.Poi)], hits.ToDictionary(h => h.Poi.Id, h => h.Distance));
    }

    private static JsonObject Page(IReadOnlyDictionary<string, string> query, List<AMapPoi> hits, Dictionary<string, double>? distances)
    {
        var offset = int.TryParse(query.GetValueOrDefault("offset"), CultureInfo.InvariantCulture, out var o) ? Math.Clamp(o, 1, 25) : 20;
        var page = int.TryParse(query.GetValueOrDefault("page"), CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 100) : 1;
        var answer = Ok(hits.Count.ToString(CultureInfo.InvariantCulture));
        answer["suggestion"] = new JsonObject { ["keywords"] = new JsonArray(), ["cities"] = new JsonArray() };
        answer["pois"] = new JsonArray([.. hits.Skip((page - 1) * offset).Take(offset).Select(poi => Poi(poi, distances?.GetValueOrDefault(poi.Id)))]);
        return answer;
    }

    private static JsonObject Poi(AMapPoi poi, double? distance) => new()
    {
        ["id"] = poi.Id,
        ["parent"] = new JsonArray(),
        ["name"] = poi.Name,
        ["tag"] = new JsonArray(),
        ["type"] = poi.Type,
        ["typecode"] = poi.Typecode,
        ["biz_type"] = new JsonArray(),
        ["address"] = Text(poi.Address),
        ["location"] = Location(poi.Location),
        ["tel"] = new JsonArray(),
        ["postcode"] = new JsonArray(),
        ["website"] = new JsonArray(),
        ["email"] = new JsonArray(),
        ["pcode"] = poi.Adcode[..2] + "0000",
        ["pname"] = poi.Province,
        ["citycode"] = poi.Citycode,
        ["cityname"] = poi.City,
        ["adcode"] = poi.Adcode,
        ["adname"] = poi.AdName,
        ["importance"] = new JsonArray(),
        ["shopid"] = new JsonArray(),
        ["distance"] = distance is { } d ? Number(Math.Round(d)) : new JsonArray(),
        ["entr_location"] = new JsonArray(),
        ["business_area"] = new JsonArray(),
        ["match"] = "0",
        ["recommend"] = "0",
        ["timestamp"] = new JsonArray(),
        ["alias"] = new JsonArray(),
        ["indoor_map"] = "0",
        ["indoor_data"] = new JsonObject { ["cpid"] = new JsonArray(), ["floor"] = new JsonArray(), ["truefloor"] = new JsonArray(), ["cmsid"] = new JsonArray() },
        ["groupbuy_num"] = "0",
        ["discount_num"] = "0",
        ["biz_ext"] = new JsonObject { ["rating"] = Text(poi.Rating), ["cost"] = new JsonArray() },
        ["event"] = new JsonArray(),
        ["children"] = new JsonArray(),
        ["photos"] = new JsonArray(),
    };

    private static JsonObject InputTips(IReadOnlyDictionary<string, string> query)
    {
        if (!query.TryGetValue("keywords", out var keywords))
        {
            return Error("20001");
        }

        var pois = AMapWorld.Pois.Where(p => AMapWorld.Matches(p, keywords));
        var areas = AMapWorld.Areas.Where(a => a.Aliases.Any(alias => alias.StartsWith(keywords, StringComparison.Ordinal)));
        if (query.TryGetValue("city", out var city) && query.GetValueOrDefault("citylimit") is "true" or "True")
        {
            pois = pois.Where(p => AMapWorld.InCity(p, city));
            areas = areas.Where(a => AMapWorld.InCity(a, city));
        }

        if (ParseLocation(query.GetValueOrDefault("location")) is { } near)
        {
            pois = pois.OrderBy(p => AMapWorld.Distance(near, p.Location));
        }

        // The first tip is the bare keyword, with no id and no location, as AMap sends it.
        // JsonNode, not JsonObject: JsonArray.Add<T> would serialize by reflection, which the native self-host cannot.
        JsonArray tips = [(JsonNode)Tip(null, keywords, null, null, null, null, null)];
        foreach (var area in areas)
        {
            tips.Add((JsonNode)Tip(null, area.Name, area.Province + (area.IsMunicipality ? "" : area.City), area.Adcode, null, null, null));
        }

        foreach (var poi in pois)
        {
            tips.Add((JsonNode)Tip(poi.Id, poi.Name, poi.Province + (poi.Province == poi.City ? "" : poi.City) + poi.AdName, poi.Adcode, Location(poi.Location), poi.Address, poi.Typecode));
        }

        var answer = Ok(tips.Count.ToString(CultureInfo.InvariantCulture));
        answer["tips"] = tips;
        return answer;
    }

    private static JsonObject Tip(string? id, string name, string? district, string? adcode, string? location, string? address, string? typecode) => new()
    {
        ["id"] = Text(id),
        ["name"] = name,
        ["district"] = Text(district),
        ["adcode"] = Text(adcode),
        ["location"] = Text(location),
        ["address"] = Text(address),
        ["typecode"] = Text(typecode),
    };

    private static JsonObject Geocode(IReadOnlyDictionary<string, string> query)
    {
        if (!query.TryGetValue("address", out var address))
        {
            return Error("20001");
        }

        var candidates = AMapWorld.Areas.Append(AMapWorld.StreetAddress)
            .Select(area => (Area: area, Match: area.Aliases.Where(alias => address.Contains(alias, StringComparison.Ordinal)).DefaultIfEmpty("").Max(alias => alias.Length)))
            .Concat(AMapWorld.Pois.Where(p => address.Contains(p.Name, StringComparison.Ordinal) || p.Name.StartsWith(address, StringComparison.Ordinal))
                .Select(p => (Area: PoiArea(p), Match: Math.Min(p.Name.Length, address.Length))))
            .Where(c => c.Match > 0)
            .ToList();
        if (query.TryGetValue("city", out var city) && candidates.Any(c => AMapWorld.InCity(c.Area, city)))
        {
            candidates = [.. candidates.Where(c => AMapWorld.InCity(c.Area, city))];
        }

        if (candidates.Count == 0)
        {
            return Error("30001");
        }

        var best = candidates.Max(c => c.Match);
        var matches = candidates.Where(c => c.Match == best).Select(c => c.Area).ToList();
        var answer = Ok(matches.Count.ToString(CultureInfo.InvariantCulture));
        answer["geocodes"] = new JsonArray([.. matches.Select(area => new JsonObject
        {
            ["formatted_address"] = area.Level is "门牌号" or "兴趣点" ? area.Aliases[0] : area.Province + (area.IsMunicipality ? "" : area.City) + area.District,
            ["country"] = "中国", ["province"] = area.Province, ["citycode"] = area.Citycode, ["city"] = area.City, ["district"] = Text(area.District),
            ["township"] = new JsonArray(), ["neighborhood"] = new JsonObject { ["name"] = new JsonArray(), ["type"] = new JsonArray() },
            ["building"] = new JsonObject { ["name"] = new JsonArray(), ["type"] = new JsonArray() },
            ["adcode"] = area.Adcode, ["street"] = new JsonArray(), ["number"] = new JsonArray(),
            ["location"] = Location(area.Center), ["level"] = area.Level,
        })]);
        return answer;
    }

    private static AMapArea PoiArea(AMapPoi poi) =>
        new(poi.Adcode, poi.Province, poi.City, poi.AdName, poi.Citycode, "兴趣点", poi.Location,
            [poi.Province + (poi.Province == poi.City ? "" : poi.City) + poi.AdName + poi.Name], AMapWorld.Areas[0].Weather);

    private static JsonObject Regeo(IReadOnlyDictionary<string, string> query)
    {
        if (ParseLocation(query.GetValueOrDefault("location")) is not { } point)
        {
            return Error(query.ContainsKey("location") ? "20000" : "20001");
        }

        var answer = new JsonObject { ["status"] = "1", ["info"] = "OK", ["infocode"] = "10000" };
        var nearest = AMapWorld.IsOutsideChina(point)
            ? null
            : AMapWorld.Areas.OrderBy(a => a.District is null ? 1 : 0).ThenBy(a => AMapWorld.Distance(point, a.Center))
                .FirstOrDefault(a => AMapWorld.Distance(point, a.Center) < (a.District is null ? 100_000 : 15_000));
        nearest ??= AMapWorld.IsOutsideChina(point) ? null : AMapWorld.Areas.MinBy(a => AMapWorld.Distance(point, a.Center));
        if (nearest is null)
        {
            // Overseas: status "1" and every address field empty.
            answer["regeocode"] = new JsonObject
            {
                ["formatted_address"] = new JsonArray(),
                ["addressComponent"] = new JsonObject
                {
                    ["country"] = new JsonArray(),
                    ["province"] = new JsonArray(),
                    ["city"] = new JsonArray(),
                    ["citycode"] = new JsonArray(),
                    ["district"] = new JsonArray(),
                    ["adcode"] = new JsonArray(),
                    ["township"] = new JsonArray(),
                    ["towncode"] = new JsonArray(),
                },
            };
            return answer;
        }

        answer["regeocode"] = new JsonObject
        {
            ["formatted_address"] = nearest.Province + (nearest.IsMunicipality ? "" : nearest.City) + nearest.District,
            ["addressComponent"] = new JsonObject
            {
                ["country"] = "中国",
                ["province"] = nearest.Province,
                // Municipalities leave city empty.
                ["city"] = nearest.IsMunicipality ? new JsonArray() : JsonValue.Create(nearest.City),
                ["citycode"] = nearest.Citycode,
                ["district"] = Text(nearest.District),
                ["adcode"] = nearest.Adcode,
                ["township"] = new JsonArray(),
                ["towncode"] = new JsonArray(),
                ["neighborhood"] = new JsonObject { ["name"] = new JsonArray(), ["type"] = new JsonArray() },
                ["building"] = new JsonObject { ["name"] = new JsonArray(), ["type"] = new JsonArray() },
                ["streetNumber"] = new JsonObject { ["street"] = new JsonArray(), ["number"] = new JsonArray(), ["location"] = new JsonArray(), ["direction"] = new JsonArray(), ["distance"] = new JsonArray() },
                ["businessAreas"] = new JsonArray(),
            },
        };
        return answer;
    }

    private static JsonObject Convert(IReadOnlyDictionary<string, string> query)
    {
        if (!query.TryGetValue("locations", out var locations))
        {
            return Error("20001");
        }

        var system = query.GetValueOrDefault("coordsys") ?? "autonavi";
        if (system is not ("gps" or "autonavi"))
        {
            return Error("20000");
        }

        List<string> converted = [];
        foreach (var text in locations.Split('|'))
        {
            if (ParseLocation(text) is not { } point)
            {
                return Error("20000");
            }

            var gcj = system == "gps" ? GcjFormula.FromWgs(point) : point;
            converted.Add(string.Create(CultureInfo.InvariantCulture, $"{gcj.Lng:0.############},{gcj.Lat:0.############}"));
        }

        return new JsonObject { ["status"] = "1", ["info"] = "ok", ["infocode"] = "10000", ["locations"] = string.Join(';', converted) };
    }
}
