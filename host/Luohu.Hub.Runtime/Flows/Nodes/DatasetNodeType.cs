using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Datasets;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>dataset</c>: keeps the latest payload per key in a named dataset that the gateway serves read-only
/// (<c>/api/v1/data/{dataset}</c>), optionally only some fields, or removes the key when an expression holds;
/// then passes the message on.
/// </summary>
internal sealed class DatasetNodeType(IDatasetRegistry datasets) : FlowNodeType<DatasetNodeType.Settings>
{
    public override string Type => "dataset";
    public override string Category => NodeCategory.Output;
    public override string Title => "Dataset";
    public override string Description => "Keeps the latest payload per key in a dataset served read-only by the gateway at /api/v1/data/{dataset}.";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["dataset", "key"],
        ("dataset", SchemaBuilder.Text("Dataset", "Name of the dataset, e.g. parking (lower-case letters, digits, '-').")),
        ("key", SchemaBuilder.Text("Key", "Template of the record's key, e.g. {{payload.lot}}.")),
        ("fields", SchemaBuilder.List("Fields", "Top-level payload fields to keep; all of them when empty.", SchemaBuilder.Text("Field", "A payload field name."))),
        ("remove", SchemaBuilder.Text("Remove when", "JavaScript expression on msg; when true the key's record is removed instead.", format: "javascript")));

    protected override Settings Read(NodeConfig config)
    {
        var name = config.String("dataset", required: true);
        if (name is not null && DatasetNames.Validate(name) is { } error)
        {
            config.Problem("dataset", error);
        }

        var key = config.Template("key", required: true);
        var fields = config.Strings("fields");
        if (fields.Any(string.IsNullOrWhiteSpace))
        {
            config.Problem("fields", "'fields' must not contain empty names.");
        }

        return new Settings(name, key, fields, config.String("remove"));
    }

    protected override void Check(Settings settings, NodeValidationContext context) =>
        context.CheckScript(context.Config, "remove", settings.Remove, FlowScriptKind.Expression);

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context)
    {
        // Declared at deploy so the gateway answers with an empty dataset, not a 404, before the first event.
        datasets.Declare(settings.Dataset!);
        return new DatasetRuntime(context, datasets, settings);
    }

    internal sealed record Settings(string? Dataset, MessageTemplate? Key, IReadOnlyList<string> Fields, string? Remove);
}
