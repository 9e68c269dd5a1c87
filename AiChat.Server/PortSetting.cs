namespace AiChat.Server;

internal static class PortSetting
{
    /// <summary>
    /// Listens on PORT (default 5000) as the Flask seed did, unless ASP.NET Core's own --urls or ASPNETCORE_URLS
    /// says otherwise: on localhost in Development, on every interface elsewhere (a container's port mapping needs it).
    /// </summary>
    public static void ListenOnPortSetting(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["urls"] is { Length: > 0 } || builder.Configuration["http_ports"] is { Length: > 0 })
        {
            return;
        }

        var port = builder.Configuration["PORT"] is { Length: > 0 } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 5000;
        var host = builder.Environment.IsDevelopment() ? "localhost" : "+";
        builder.WebHost.UseUrls($"http://{host}:{port}");
    }
}
