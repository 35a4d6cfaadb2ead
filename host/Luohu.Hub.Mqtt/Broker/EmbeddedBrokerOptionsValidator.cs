using System.Net;
using Luohu.Hub.Runtime.Bus;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>Checks <c>Hub:Mqtt:Broker</c> at start, so a typo stops the hub with a precise message.</summary>
internal sealed class EmbeddedBrokerOptionsValidator : IValidateOptions<EmbeddedBrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedBrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!IPAddress.TryParse(options.Address, out _))
        {
            errors.Add($"Hub:Mqtt:Broker:Address '{options.Address}' is not an IP address; write 0.0.0.0 (every interface) or 127.0.0.1.");
        }

        if (options.Port is < 1 or > 65535 || options.TlsPort is < 1 or > 65535 || options.TlsPort == options.Port)
        {
            errors.Add("Hub:Mqtt:Broker:Port and TlsPort must be different ports from 1 to 65535.");
        }

        if (options.TlsPort is not null && (options.CertFile is null || options.KeyFile is null))
        {
            errors.Add("Hub:Mqtt:Broker:TlsPort needs CertFile and KeyFile (PEM).");
        }

        foreach (var file in new[] { options.CertFile, options.KeyFile })
        {
            if (file is not null && !File.Exists(file))
            {
                errors.Add($"Hub:Mqtt:Broker: the file '{file}' does not exist.");
            }
        }

        if (options.AllowAnonymous && string.IsNullOrWhiteSpace(options.AnonymousDepartment))
        {
            errors.Add("Hub:Mqtt:Broker:AllowAnonymous needs AnonymousDepartment: the department whose stream grants anonymous clients get.");
        }

        if (options.MaxPendingMessagesPerClient < 1 || options.MaxMessagesPerSecondPerClient < 1 || options.FloodBurst < 1 || options.FloodDisconnectAfter <= TimeSpan.Zero)
        {
            errors.Add("Hub:Mqtt:Broker: MaxPendingMessagesPerClient, MaxMessagesPerSecondPerClient and FloodBurst must be at least 1, FloodDisconnectAfter positive.");
        }

        if (options.Qos is < 0 or > 1)
        {
            errors.Add($"Hub:Mqtt:Broker:Qos {options.Qos} must be 0 or 1.");
        }

        foreach (var filter in options.Publish)
        {
            if (!TopicFilter.TryParse(filter, out _, out var error))
            {
                errors.Add($"Hub:Mqtt:Broker:Publish: {error}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
