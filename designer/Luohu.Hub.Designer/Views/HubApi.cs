using System.Text.Json;
using Microsoft.JSInterop;

namespace Luohu.Hub.Designer.Views;

/// <summary>
/// The hub's <c>/api/v1</c> as a page calls it: through the browser (<c>window.LuohuDesigner.api</c>), with the
/// user's session cookie, so the API's roles, department ownership, grants, limits and audit apply to the designer
/// exactly as to a script. Only usable once the circuit is interactive (event handlers, <c>OnAfterRenderAsync</c>).
/// </summary>
public sealed class HubApi(IJSRuntime js)
{
    internal static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public Task<ApiResult> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync("GET", path, null, cancellationToken);

    public Task<ApiResult> PostAsync(string path, object? body = null, CancellationToken cancellationToken = default) =>
        SendAsync("POST", path, body, cancellationToken);

    public Task<ApiResult> PutAsync(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync("PUT", path, body, cancellationToken);

    public Task<ApiResult> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync("DELETE", path, null, cancellationToken);

    /// <summary>Sends <paramref name="body"/> (a JSON string as is, anything else serialized with web defaults).</summary>
    public async Task<ApiResult> SendAsync(string method, string path, object? body, CancellationToken cancellationToken = default)
    {
        var json = body switch
        {
            null => null,
            string text => text,
            JsonElement element => element.GetRawText(),
            _ => JsonSerializer.Serialize(body, Web),
        };
        return await js.InvokeAsync<ApiResult>("LuohuDesigner.api", cancellationToken, method, path, json);
    }

    /// <summary>Uploads the file chosen in the <c>&lt;input type=file&gt;</c> <paramref name="input"/>; its bytes go from the browser straight to the API.</summary>
    public async Task<ApiResult> UploadAsync(string path, Microsoft.AspNetCore.Components.ElementReference input, string contentType, CancellationToken cancellationToken = default) =>
        await js.InvokeAsync<ApiResult>("LuohuDesigner.apiUploadInput", cancellationToken, path, input, contentType);
}

/// <summary>What an API call answered: the status, the JSON body when there was one, and the problem when it failed.</summary>
public sealed record ApiResult(int Status, bool Ok, JsonElement? Body, ApiProblem? Problem)
{
    /// <summary>The body as <typeparamref name="T"/> (web JSON defaults); default when there is none.</summary>
    public T? As<T>() => Body is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } body
        ? body.Deserialize<T>(HubApi.Web)
        : default;

    /// <summary>One line for the page: the problem's title and detail.</summary>
    public string Message => Problem is null ? string.Empty
        : string.IsNullOrEmpty(Problem.Detail) ? Problem.Title : $"{Problem.Title}: {Problem.Detail}";
}

/// <summary>An RFC 9457 problem as the API returns it; <c>status</c> 0 when the network failed.</summary>
public sealed record ApiProblem(string Title, string Detail, JsonElement? Errors, int Status);
