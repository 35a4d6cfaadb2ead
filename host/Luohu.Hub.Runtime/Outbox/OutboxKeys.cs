using System.Security.Cryptography;
using System.Text;

namespace Luohu.Hub.Runtime.Outbox;

/// <summary>
/// The idempotency key of one intended call: SHA-256 over the flow, the node, the triggering message's identity and
/// the input's own key when the flow gave one. The flow's version is recorded but not part of the key: a sender
/// retrying across a redeploy must still find the first call.
/// </summary>
internal static class OutboxKeys
{
    public static string Derive(string flowId, string nodeId, string messageId, string? inputKey)
    {
        var text = string.Join('\n', flowId, nodeId, messageId, inputKey ?? string.Empty);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return "lhob-" + Convert.ToHexStringLower(hash[..16]);
    }
}
