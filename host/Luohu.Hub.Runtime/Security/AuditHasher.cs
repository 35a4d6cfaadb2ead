using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// The canonical form hashed for each entry: a JSON array of its fields in a fixed order, then the previous hash.
/// Changing the order or adding a field breaks every stored chain: add a new format version instead.
/// </summary>
internal static class AuditHasher
{
    public static string Genesis { get; } = new('0', 64);

    public static string Compute(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue("v1");
            writer.WriteNumberValue(entry.Sequence);
            writer.WriteStringValue(entry.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            foreach (var field in new[] { entry.Actor, entry.ActorKind, entry.RemoteIp, entry.Action, entry.Target, entry.Outcome, entry.Before, entry.After, entry.Detail, entry.PreviousHash })
            {
                if (field is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(field);
                }
            }

            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
