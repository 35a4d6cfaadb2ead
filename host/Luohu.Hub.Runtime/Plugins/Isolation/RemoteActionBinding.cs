using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// An action of an isolated plugin, seen from the hub: its input stays JSON (the plugin process reads it into the
/// plugin's type and names the path when it does not fit), and the call goes through <see cref="IsolatedPluginRuntime"/>.
/// </summary>
internal sealed class RemoteActionBinding(ActionInfo info) : ActionBinding(info)
{
    public override Type InputType => typeof(JsonElement);

    public override Type OutputType => typeof(JsonElement);

    public override object? ReadInput(JsonElement input, JsonSerializerOptions json) => input;

    public override Task<JsonElement> InvokeAsync(IServiceProvider services, object? input, JsonSerializerOptions json, ActionContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"'{Capability}' runs in the plugin's own process; call it through its runtime.");

    public override void Activate(IServiceProvider services)
    {
        // The plugin process created the connector when it loaded.
    }
}
