using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Flows.Messages;

/// <summary>
/// A message travelling through a flow. Its body is the JSON object scripts see as <c>msg</c>:
/// <c>topic</c> (text), <c>payload</c> (any JSON), <c>headers</c> (an object of strings) and whatever fields
/// nodes add (<c>rule</c>, <c>error</c>, an action's named output). Not thread-safe: one message is handled by
/// one node at a time, and a fan-out to several wires gives each further wire its own copy.
/// </summary>
internal sealed class FlowMessage
{
    public const string TopicField = "topic";
    public const string PayloadField = "payload";
    public const string HeadersField = "headers";

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>(StringComparer.Ordinal);

    private string? _id;
    private FlowWork? _work;

    /// <param name="id">The message's id; null for a new one, made when first asked for (most messages never are).</param>
    public FlowMessage(string? id, string originId, JsonObject body)
    {
        _id = id;
        OriginId = originId;
        Body = body;
    }

    /// <summary>This message's id (new for every message a node creates; made on first use, a version-7 GUID).</summary>
    public string Id => _id ??= NewId();

    /// <summary>The id of the bus message (or injection) that started it, for tracing.</summary>
    public string OriginId { get; }

    public JsonObject Body { get; private set; }

    /// <summary>
    /// The incoming delivery this message belongs to (an MQTT message acknowledged after processing), carried by
    /// reference from trigger to publish: copies and messages built from a script's result keep it.
    /// </summary>
    public MessageDelivery? Delivery { get; init; }

    /// <summary>Nodes this copy passed in a row, from its trigger (the depth of the run; limited by <see cref="FlowOptions.MaxHops"/>).</summary>
    public int Hops { get; set; }

    /// <summary>
    /// The node runs of everything that came of one entering message, shared by its copies and by the messages built
    /// from it (limited by <see cref="FlowOptions.MaxNodeRunsPerMessage"/>).
    /// </summary>
    public FlowWork Work
    {
        // Made on first use: a copy or a script's result is given its source's, and allocates none of its own.
        get => _work ??= new FlowWork();
        init => _work = value;
    }

    /// <summary>Set on the way to a catch node, so that a failure there goes to the dead letters, never round again.</summary>
    public bool IsHandlingError { get; set; }

    public string Topic
    {
        get => Body[TopicField] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
        set => Body[TopicField] = value;
    }

    public JsonNode? Payload
    {
        get => Body[PayloadField];
        set => Body[PayloadField] = value;
    }

    public static FlowMessage Create(string originId, string topic, JsonNode? payload, IReadOnlyDictionary<string, string>? headers, MessageDelivery? delivery = null)
    {
        var headerObject = new JsonObject();
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                headerObject[name] = value;
            }
        }

        var body = new JsonObject
        {
            [TopicField] = topic,
            [PayloadField] = payload,
            [HeadersField] = headerObject,
        };
        return new FlowMessage(null, originId, body) { Delivery = delivery };
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    /// <summary>The headers as text (non-text values as their JSON).</summary>
    public IReadOnlyDictionary<string, string> HeadersAsStrings()
    {
        if (Body[HeadersField] is not JsonObject { Count: > 0 } headers)
        {
            return NoHeaders;
        }

        var result = new Dictionary<string, string>(headers.Count, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                result[name] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString();
            }
        }

        return result;
    }

    /// <summary>A deep copy with a new id and the same origin.</summary>
    public FlowMessage Clone() => new(null, OriginId, (JsonObject)Body.DeepClone()) { Hops = Hops, Work = Work, IsHandlingError = IsHandlingError, Delivery = Delivery };

    /// <summary>A message built from what a script returned; keeps this message's origin, hop count and delivery.</summary>
    public FlowMessage WithBody(JsonObject body)
    {
        if (body[TopicField] is null)
        {
            body[TopicField] = Topic;
        }

        if (body[HeadersField] is not JsonObject)
        {
            body[HeadersField] = new JsonObject();
        }

        return new FlowMessage(null, OriginId, body) { Hops = Hops, Work = Work, IsHandlingError = IsHandlingError, Delivery = Delivery };
    }

    /// <summary>Replaces the body in place (nodes that computed a new body from a copy).</summary>
    public void ReplaceBody(JsonObject body) => Body = body;
}
