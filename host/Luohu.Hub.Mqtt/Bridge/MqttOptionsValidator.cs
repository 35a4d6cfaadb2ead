using Luohu.Hub.Runtime.Bus;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>Checks <c>Hub:Mqtt</c> at start so a typo stops the hub with a precise message instead of a silent bridge.</summary>
internal sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            return options.InboundAck is MqttInboundAck.AfterProcessing or MqttInboundAck.AfterHandOver && options.ProcessingTimeout > TimeSpan.Zero
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Hub:Mqtt:ProcessingTimeout must be positive.");
        }

        var errors = new List<string>();
        try
        {
            _ = MqttBrokerAddress.Parse(options.Url);
        }
        catch (InvalidOperationException e)
        {
            errors.Add(e.Message);
        }

        if (options.ProtocolVersion is not ("5" or "3.1.1"))
        {
            errors.Add($"Hub:Mqtt:ProtocolVersion '{options.ProtocolVersion}' is not supported; use \"5\" or \"3.1.1\".");
        }

        if (options.Qos is < 0 or > 2)
        {
            errors.Add($"Hub:Mqtt:Qos {options.Qos} must be 0 or 1.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add("Hub:Mqtt:ClientId is empty; a persistent session needs a stable client id.");
        }

        if ((options.CertFile is null) != (options.KeyFile is null))
        {
            errors.Add("Hub:Mqtt:CertFile and Hub:Mqtt:KeyFile go together; set both for a client certificate, or neither.");
        }

        foreach (var file in new[] { options.CaFile, options.CertFile, options.KeyFile })
        {
            if (file is not null && !File.Exists(file))
            {
                errors.Add($"Hub:Mqtt: the file '{file}' does not exist.");
            }
        }

        if (options.KeepAliveSeconds < 5 || options.MaxPayloadBytes < 1 || options.OutboundQueueCapacity < 1 || options.MaxInflight < 1
            || options.ReceiveMaximum is < 1 or > ushort.MaxValue)
        {
            errors.Add("Hub:Mqtt: KeepAliveSeconds must be at least 5, MaxPayloadBytes, OutboundQueueCapacity and MaxInflight at least 1, ReceiveMaximum 1 to 65535.");
        }

        if (options.Qos == 2)
        {
            errors.Add("Hub:Mqtt:Qos 2 is not offered: use 1 (at-least-once, acknowledged after processing) or 0.");
        }

        foreach (var filter in options.Subscribe)
        {
            var plain = filter.StartsWith("$share/", StringComparison.Ordinal) ? string.Join('/', filter.Split('/').Skip(2)) : filter;
            if (!TopicFilter.TryParse(plain, out _, out var error))
            {
                errors.Add($"Hub:Mqtt:Subscribe: {error}");
            }
        }

        foreach (var filter in options.Publish)
        {
            if (!TopicFilter.TryParse(filter, out _, out var error))
            {
                errors.Add($"Hub:Mqtt:Publish: {error}");
            }
        }

        if (options.LastWill is { } will && TopicFilter.ValidateTopic(will.Topic) is { } willError)
        {
            errors.Add($"Hub:Mqtt:LastWill:Topic: {willError}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
