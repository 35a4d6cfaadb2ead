using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Datasets;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class DatasetRuntime(NodeBuildContext context, IDatasetRegistry datasets, DatasetNodeType.Settings settings)
    : FlowNodeRuntime(context)
{
    private readonly string _dataset = settings.Dataset!;
    private readonly MessageTemplate _key = settings.Key!;
    private readonly FlowScript? _remove = settings.Remove is null ? null : context.Host.Services.Scripting.Compile(settings.Remove, FlowScriptKind.Expression);

    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var key = _key.Render(message.Body);
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException(
                $"Dataset node '{Host.NodeId}': the key template '{_key.Text}' gave an empty key; make sure the message has the field it names.");
        }

        if (_remove is not null && SwitchRuntime.IsTruthy(Run(_remove, message.Body, cancellationToken)))
        {
            datasets.Remove(_dataset, key);
        }
        else
        {
            datasets.Upsert(_dataset, key, JsonSerializer.SerializeToElement(Record(message.Payload, key)));
        }

        await Host.EmitAsync(0, message, cancellationToken);
    }

    private JsonObject Record(JsonNode? payload, string key)
    {
        if (payload is not JsonObject fields)
        {
            throw new InvalidOperationException(
                $"Dataset node '{Host.NodeId}': the payload for key '{key}' is {payload?.GetValueKind().ToString() ?? "null"}; a dataset record must be a JSON object.");
        }

        if (settings.Fields.Count == 0)
        {
            return fields;
        }

        var kept = new JsonObject();
        foreach (var name in settings.Fields)
        {
            if (fields[name] is { } value)
            {
                kept[name] = value.DeepClone();
            }
        }

        return kept;
    }
}
