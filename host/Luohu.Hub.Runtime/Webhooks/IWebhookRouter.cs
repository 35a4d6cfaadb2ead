namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>The host's way into webhook flows: looks up the route of a request and runs it through its flow.</summary>
internal interface IWebhookRouter
{
    /// <summary>The live route at <c>/hooks/{department}/{path}</c>, or null.</summary>
    WebhookRoute? Find(string department, string path);

    /// <summary>
    /// Checks method, secret or signature and body, runs the request as a message through the route's flow, and
    /// returns the <c>http.response</c> node's reply, or 202 with the message id when the flow has none or it does
    /// not answer within the route's <c>responseTimeoutMs</c>. Errors come back as problem responses, never thrown.
    /// </summary>
    Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken);
}
