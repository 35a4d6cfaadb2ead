using Luohu.Hub.Mqtt.Bridge;
using Luohu.Hub.Mqtt.Broker;
using Luohu.Hub.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Mqtt;

/// <summary>MQTT on MQTTnet, bound from <c>Hub:Mqtt</c>: the embedded broker and/or the bridge to an external broker.</summary>
public static class MqttHubBuilderExtensions
{
    /// <summary>
    /// The embedded broker (<c>Hub:Mqtt:Broker</c>, on unless <c>Hub:Mqtt:Url</c> names an external broker) and the
    /// bridge when <c>Hub:Mqtt:Url</c> is set, with the <c>mqtt</c> health check and the state behind <c>/api/v1/mqtt</c>.
    /// Call after <c>AddBus()</c> and <c>AddSecurity()</c>.
    /// </summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddMqtt(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var section = hub.Configuration.GetSection("Hub:Mqtt");
        var services = hub.Services;
        var bridgeOn = !string.IsNullOrWhiteSpace(section["Url"]);
        var brokerOn = section.GetSection("Broker").GetValue<bool?>("Enabled") ?? !bridgeOn;

        services.AddOptions<MqttOptions>().Configure(section.Bind).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>());
        if (bridgeOn)
        {
            services.AddSingleton<MqttBridge>();
            services.AddHostedService(sp => sp.GetRequiredService<MqttBridge>());
        }

        if (brokerOn)
        {
            var dataPath = (hub.Configuration.GetSection("Hub").Get<HubOptions>() ?? new HubOptions()).ResolveDataPath(hub.ContentRoot);
            services.AddSingleton(new EmbeddedBrokerPaths(Path.Combine(dataPath, "mqtt")));
            services.AddOptions<EmbeddedBrokerOptions>().Configure(section.GetSection("Broker").Bind).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddedBrokerOptions>, EmbeddedBrokerOptionsValidator>());
            services.AddSingleton<EmbeddedBroker>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        }

        services.TryAddSingleton<IMqttStatus>(sp => new MqttStatus(sp.GetService<MqttBridge>(), sp.GetService<EmbeddedBroker>()));
        services.TryAddSingleton<MqttMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttMetrics>());
        services.AddHealthChecks().AddCheck<MqttHealthCheck>("mqtt");
        return hub;
    }
}
