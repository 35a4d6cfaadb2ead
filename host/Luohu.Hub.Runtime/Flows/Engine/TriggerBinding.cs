using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>A trigger node's live bus subscription and the signature it was made for.</summary>
internal sealed record TriggerBinding(string NodeId, string Signature, IMessageSubscription Subscription);
