using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>delay</c>: holds each message for a fixed time or the time a message field says, then sends it on. It does
/// not hold up the trigger's loop: the next message goes on at once, so messages with different delays may
/// overtake each other (with one fixed delay they keep their order). At most <c>maxPending</c> messages wait;
/// one more is an error of the node (catch node or dead letter). Waiting messages are lost when the flow is
/// undeployed or the hub stops; a deploy lets them finish on the version they entered.
/// </summary>
internal sealed class DelayNodeType : FlowNodeType<DelayNodeType.Settings>
{
    public const int MaxDelayMs = 24 * 3600 * 1000;

    public override string Type => "delay";
    public override string Category => NodeCategory.Logic;
    public override string Title => "Delay";
    public override string Description => "Holds each message for a time (fixed, or read from the message) without holding up the messages behind it.";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        [],
        ("ms", SchemaBuilder.Integer("Delay (ms)", "How long each message waits. Default 1000.", 1000, 0, MaxDelayMs)),
        ("msPath", SchemaBuilder.Text("Delay from message", "A message path holding the delay in ms (e.g. payload.delayMs); when absent or not a number, 'ms' applies.")),
        ("maxPending", SchemaBuilder.Integer("Most waiting", "Messages that may wait at once; one more is an error of the node. Default 1000.", 1000, 1, 100_000)));

    protected override Settings Read(NodeConfig config) => new(
        config.Int("ms", 1000, 0, MaxDelayMs),
        config.MessagePath("msPath"),
        config.Int("maxPending", 1000, 1, 100_000));

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new DelayRuntime(context, settings);

    internal sealed record Settings(int Ms, MessagePath? MsPath, int MaxPending);
}
