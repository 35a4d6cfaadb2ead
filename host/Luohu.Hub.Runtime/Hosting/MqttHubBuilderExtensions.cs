using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Mqtt;
using Luohu.Hub.Runtime.Mqtt.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Hosting;

/// <summary>The MQTT bridge, bound from <c>Hub:Mqtt</c>.</summary>
public static class MqttHubBuilderExtensions
{
    /// <summary>
    /// The MQTT bridge when <c>Hub:Mqtt:Url</c> is set (with its <c>mqtt</c> health check); otherwise only a status
    /// saying it is off, and the hub runs on its in-process bus. Call after <c>AddBus()</c>: with the default
    /// <c>InboundAck</c> the bus is wrapped so that processing of MQTT messages can be followed.
    /// </summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddMqtt(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var section = hub.Configuration.GetSection("Hub:Mqtt");
        var services = hub.Services;
        var options = new MqttOptions();
        section.Bind(options);
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            services.TryAddSingleton<IMqttBridgeStatus, DisabledMqttBridgeStatus>();
            return hub;
        }

        services.AddOptions<MqttOptions>().Configure(section.Bind).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>());
        services.TryAddSingleton<IMqttTransportFactory, MosquittoTransportFactory>();
        services.TryAddSingleton<MqttDeliveryTracker>();
        if (options.InboundAck == MqttInboundAck.AfterProcessing)
        {
            services.TryAddSingleton(sp => new DeliveryTrackingBus(sp.GetRequiredService<MessageBus>(), sp.GetRequiredService<MqttDeliveryTracker>()));
            services.Replace(ServiceDescriptor.Singleton<IMessageBus>(sp => sp.GetRequiredService<DeliveryTrackingBus>()));
            services.RemoveAll<IMessagePublisher>();
            services.AddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<DeliveryTrackingBus>());
        }

        services.AddSingleton<MqttBridge>();
        services.TryAddSingleton<IMqttBridgeStatus>(sp => sp.GetRequiredService<MqttBridge>());
        services.AddHostedService(sp => sp.GetRequiredService<MqttBridge>());
        services.AddHealthChecks().AddCheck<MqttHealthCheck>("mqtt");
        return hub;
    }
}
