using Luohu.Hub.Host.Api;
using Luohu.Hub.Host.Designer;
using Luohu.Hub.Host.Security;
using Luohu.Hub.Host.Gateway;
using Luohu.Hub.Host.Telemetry;
using Luohu.Hub.Mqtt;
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
            .AddSecurity()
            .AddBus()
            .AddPlugins()
            .AddRules()
            .AddFlows()
            .AddOutbox()
            .AddScheduling()
            .AddWebhooks()
            .AddMqtt();
        builder.Services.AddHubApi(builder.Configuration);
        builder.Services.AddHubAuth(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddHubGateway(builder.Configuration);
        builder.Services.AddHubDesigner(builder.Configuration);
        builder.Services.AddHubTelemetry(builder.Configuration);

        var app = builder.Build();

        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHubHealth();
        app.MapHubMetrics();
        app.MapOpenApi();
        app.MapWebhooks();
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiExceptionFilter>().RequireHubAuth();
        api.MapSessionApi();
        api.MapKeysApi();
        api.MapDirectoryApi();
        api.MapGrantsApi();
        api.MapAuditApi();
        api.MapPluginSettingsApi();
        api.MapPluginsApi();
        api.MapCapabilitiesApi();
        api.MapVendorsApi();
        api.MapFlowsApi();
        api.MapDeadLettersApi();
        api.MapOutboxApi();
        api.MapAlertsApi();
        api.MapMessagesApi();
        api.MapRulesApi();
        api.MapRuleLibraryApi();
        api.MapDataApi();
        api.MapMqttApi();
        api.MapDevicesApi();
        api.MapSecretsApi();
        api.MapBackupApi();
        app.MapHubDesigner();
        return app;
    }
}
