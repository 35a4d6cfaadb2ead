using Luohu.Hub.Host.Api;
using Luohu.Hub.Runtime.Hosting;

namespace Luohu.Hub.Host;

/// <summary>The hub's composition, read top to bottom like a table of contents.</summary>
internal static class HubApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.Services.AddLuohuHub(builder.Configuration, builder.Environment.ContentRootPath)
            .AddSqliteStore()
            .AddBus()
            .AddPlugins()
            .AddRules()
            .AddFlows()
            .AddMqtt();
        builder.Services.AddHubApi(builder.Configuration);

        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapHubHealth();
        app.MapOpenApi();
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiExceptionFilter>();
        api.MapPluginsApi();
        api.MapCapabilitiesApi();
        api.MapFlowsApi();
        api.MapDeadLettersApi();
        api.MapAlertsApi();
        api.MapMessagesApi();
        api.MapRulesApi();
        api.MapMqttApi();
        return app;
    }
}
