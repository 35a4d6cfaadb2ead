using System.Globalization;
using Microsoft.Extensions.Options;

namespace Luohu.Bank.Simulator.Signing;

/// <summary>Refuses every <c>/v1</c> request whose partner, timestamp or signature does not check out: 401 with a reason code.</summary>
internal sealed class PartnerSignatureMiddleware(RequestDelegate next, IOptionsMonitor<BankOptions> options, TimeProvider time, ILogger<PartnerSignatureMiddleware> logger)
{
    private const int MaxBodyBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var partner = request.Headers[PartnerSignature.PartnerHeader].ToString();
        var timestamp = request.Headers[PartnerSignature.TimestampHeader].ToString();
        var signature = request.Headers[PartnerSignature.SignatureHeader].ToString();
        if (partner.Length == 0 || timestamp.Length == 0 || signature.Length == 0)
        {
            await RefuseAsync(context, "SIGNATURE_MISSING", $"Send {PartnerSignature.PartnerHeader}, {PartnerSignature.TimestampHeader} and {PartnerSignature.SignatureHeader}.");
            return;
        }

        var o = options.CurrentValue;
        if (!o.Partners.TryGetValue(partner, out var secret))
        {
            await RefuseAsync(context, "PARTNER_UNKNOWN", $"Partner '{partner}' is not registered with the bank.");
            return;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs((time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).TotalSeconds) > o.MaxClockSkew.TotalSeconds)
        {
            await RefuseAsync(context, "TIMESTAMP_STALE", $"{PartnerSignature.TimestampHeader} must be unix seconds within {o.MaxClockSkew.TotalSeconds:0} s of the bank's clock.");
            return;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            await RefuseAsync(context, "BODY_TOO_LARGE", $"Bodies are limited to {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            return;
        }

        request.EnableBuffering(MaxBodyBytes);
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException && context.RequestAborted.IsCancellationRequested)
        {
            // The partner went away while sending; nothing was done.
            return;
        }

        request.Body.Position = 0;
        var expected = PartnerSignature.Compute(secret, timestamp, request.Method, request.Path + request.QueryString, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (!PartnerSignature.Matches(expected, signature))
        {
            await RefuseAsync(context, "SIGNATURE_INVALID", "The signature does not match the body, timestamp and target signed with the partner secret.");
            return;
        }

        context.Items[PartnerKey] = partner;
        await next(context);
    }

    public const string PartnerKey = "bank.partner";

    private async Task RefuseAsync(HttpContext context, string reason, string detail, int status = StatusCodes.Status401Unauthorized)
    {
        BankLog.Refused(logger, context.Request.Method, context.Request.Path, reason);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new BankError(reason, detail), context.RequestAborted);
    }
}
