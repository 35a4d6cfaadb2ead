using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Luohu.Hub.Credit.Tests;

/// <summary>The hospital's side of samples/flows/hospital-credit.json: webhooks signed as the flow's trigger expects.</summary>
internal static class HospitalHooks
{
    public const string SampleSecret = "sample-secret-replace-before-deploying";

    public static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient hub, string path, object body, string? idempotencyKey = null)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/health/{path}")
        {
            Content = new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } },
        };
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SampleSecret), bytes)));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await hub.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
