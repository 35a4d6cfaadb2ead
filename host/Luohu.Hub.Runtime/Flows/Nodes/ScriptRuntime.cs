using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class ScriptRuntime(NodeBuildContext context, string code, int outputs) : FlowNodeRuntime(context)
{
    private readonly FlowScript _script = context.Host.Services.Scripting.Compile(code, FlowScriptKind.Function);

    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        // The message is this node's: a run that completes changes it in place (the parts the script left alone are
        // kept, not copied); a run that fails leaves it as it arrived, for catch nodes and the dead letters.
        var result = Host.Services.Scripting.Run(_script, message.Body, messageIsOwned: true, Host.State, Host.Department, cancellationToken);
        switch (result)
        {
            case null:
                return;
            case JsonObject single:
                await Host.EmitAsync(0, message.WithBody(single), cancellationToken);
                return;
            case JsonArray perPort:
                var items = perPort.ToArray();
                for (var port = 0; port < items.Length && port < outputs; port++)
                {
                    foreach (var body in Bodies(items[port]))
                    {
                        await Host.EmitAsync(port, message.WithBody(body), cancellationToken);
                    }
                }

                return;
            default:
                throw new InvalidOperationException(
                    $"The script returned {result.GetValueKind()}; return the message object, an array with one element per output, or null to drop it.");
        }
    }

    private static IEnumerable<JsonObject> Bodies(JsonNode? item)
    {
        switch (item)
        {
            case null:
                yield break;
            case JsonObject body:
                body.Parent?.AsArray().Remove(body);
                yield return body;
                break;
            case JsonArray several:
                foreach (var element in several.ToArray())
                {
                    if (element is JsonObject one)
                    {
                        several.Remove(one);
                        yield return one;
                    }
                }

                break;
            default:
                throw new InvalidOperationException(
                    $"An element of the array the script returned is {item.GetValueKind()}; each element must be a message object, an array of them, or null.");
        }
    }
}
