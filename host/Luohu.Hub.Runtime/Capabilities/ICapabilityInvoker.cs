using System.Text.Json;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>
/// The one door into plugin code for actions: resolves the provider, checks permission, applies the
/// timeout and circuit breaker, records metrics and captures exceptions. Failures throw
/// <see cref="CapabilityException"/>; nothing a plugin throws escapes any other way.
/// </summary>
internal interface ICapabilityInvoker
{
    ValueTask<JsonElement> InvokeAsync(string capability, JsonElement input, InvocationContext context, CancellationToken cancellationToken);
}
