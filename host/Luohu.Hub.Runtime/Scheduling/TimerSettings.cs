using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>A <c>timer</c> node's config: exactly one way to compute the moment from the message, and optionally the key that groups timers for <c>timer.cancel</c>.</summary>
internal sealed record TimerSettings(MessagePath? DelayPath, string? DelayExpression, MessagePath? AtPath, string? AtExpression, double MaxDelaySeconds, MessagePath? KeyPath = null);
