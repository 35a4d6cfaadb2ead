using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// One action of one loaded plugin version, bound to its typed input and output. Instances are created per
/// load (generic over the plugin's own types) and die with the plugin, so the runtime keeps no plugin types alive.
/// </summary>
internal abstract class ActionBinding(ActionInfo info)
{
    public ActionInfo Info { get; } = info;

    public string Capability => Info.Capability;

    public abstract Type InputType { get; }

    public abstract Type OutputType { get; }

    /// <summary>Reads the input; throws <see cref="JsonException"/> naming the path when it does not fit.</summary>
    public abstract object? ReadInput(JsonElement input, JsonSerializerOptions json);

    public abstract Task<JsonElement> InvokeAsync(IServiceProvider services, object? input, JsonSerializerOptions json, ActionContext context, CancellationToken cancellationToken);

    /// <summary>Creates the connector once at load, so a constructor that throws fails the install instead of the first call.</summary>
    public abstract void Activate(IServiceProvider services);
}
