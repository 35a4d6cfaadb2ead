using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Plugins.BankCredit.Bank;

/// <summary>
/// The bank's partner API. Calls that are safe to repeat (reads, and settlements, which always carry their idempotency
/// key) use the <see cref="Repeatable"/> client whose pipeline retries; an assessment or reversal is sent once
/// (<see cref="Once"/>), because repeating it would make a second decision. Refusals become
/// <see cref="CapabilityInputException"/> naming the field; anything else <see cref="BankFailedException"/>.
/// </summary>
internal sealed class BankClient(IHttpClientFactory clients)
{
    public const string Repeatable = "bank-repeatable";
    public const string Once = "bank-once";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<BankAssessment> AssessAsync(object body, CancellationToken cancellationToken) =>
        SendAsync<BankAssessment>(Once, HttpMethod.Post, "v1/assessments", body, cancellationToken);

    public Task<BankSettlement> SettleAsync(object body, CancellationToken cancellationToken) =>
        SendAsync<BankSettlement>(Repeatable, HttpMethod.Post, "v1/settlements", body, cancellationToken);

    public Task<BankSettlement> GetSettlementAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<BankSettlement>(Repeatable, HttpMethod.Get, "v1/settlements/" + Uri.EscapeDataString(id), null, cancellationToken);

    public Task<BankSettlement> ReverseAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<BankSettlement>(Once, HttpMethod.Post, "v1/settlements/" + Uri.EscapeDataString(id) + "/reversal", null, cancellationToken);

    public async Task PingAsync(CancellationToken cancellationToken) =>
        await SendAsync<JsonElement>(Repeatable, HttpMethod.Get, "v1/ping", null, cancellationToken);

    private async Task<T> SendAsync<T>(string client, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(client).SendAsync(request, cancellationToken);
        }
        catch (BankNotConfiguredException)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BankFailedException($"The bank did not answer {method} /{path}: {ex.Message}");
        }
        catch (Exception ex) when (ex.GetType().Name == "BrokenCircuitException")
        {
            throw new BankFailedException($"Calls to the bank are paused after repeated failures: {ex.Message}");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                    ?? throw new BankFailedException($"The bank answered {method} /{path} with an empty body.");
            }

            var refusal = await ReadRefusalAsync(response, cancellationToken);
            var reason = $"{refusal.Code ?? response.StatusCode.ToString()}: {refusal.Detail ?? response.ReasonPhrase}";
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new BankFailedException($"The bank refused the hub's signature ({reason}); check the settings PartnerId and PartnerSecret."),
                HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity =>
                    new CapabilityInputException(FieldOf(refusal.Code), $"The bank refused ({reason})."),
                _ => new BankFailedException($"The bank failed on {method} /{path} ({(int)response.StatusCode} {reason})."),
            };
        }
    }

    private static async Task<BankRefusal> ReadRefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<BankRefusal>(Json, cancellationToken) ?? new BankRefusal(null, null);
        }
        catch (JsonException)
        {
            return new BankRefusal(null, null);
        }
    }

    private static string FieldOf(string? code) => code switch
    {
        "LINE_EXCEEDED" or "CURRENCY_MISMATCH" => "amount",
        "ASSESSMENT_UNKNOWN" or "ASSESSMENT_DECLINED" or "ASSESSMENT_EXPIRED" => "assessmentId",
        "IDEMPOTENCY_KEY_REUSED" => "idempotencyKey",
        "SETTLEMENT_UNKNOWN" => "settlementId",
        _ => "$",
    };
}
