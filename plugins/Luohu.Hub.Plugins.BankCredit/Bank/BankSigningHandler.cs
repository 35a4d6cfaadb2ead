using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Luohu.Hub.Plugins.BankCredit.Bank;

/// <summary>
/// Signs every attempt (it sits inside the retry, so a retry carries a fresh timestamp): <c>X-Signature: v1=</c>
/// hex HMAC-SHA256 with the partner secret over <c>"{timestamp}\n{METHOD}\n{path and query}\n{body}"</c>.
/// </summary>
internal sealed class BankSigningHandler(BankCreditOptions options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var secret = options.PartnerSecret ?? throw new BankNotConfiguredException();
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var head = Encoding.UTF8.GetBytes($"{timestamp}\n{request.Method.Method.ToUpperInvariant()}\n{request.RequestUri!.PathAndQuery}\n");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        hmac.TransformBlock(head, 0, head.Length, null, 0);
        hmac.TransformFinalBlock(body, 0, body.Length);
        request.Headers.Remove("X-Partner-Id");
        request.Headers.Remove("X-Timestamp");
        request.Headers.Remove("X-Signature");
        request.Headers.TryAddWithoutValidation("X-Partner-Id", options.PartnerId);
        request.Headers.TryAddWithoutValidation("X-Timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("X-Signature", "v1=" + Convert.ToHexStringLower(hmac.Hash!));
        return await base.SendAsync(request, cancellationToken);
    }
}
