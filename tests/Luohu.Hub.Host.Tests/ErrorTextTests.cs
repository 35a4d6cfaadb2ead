using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Luohu.Hub.Host.Tests;

/// <summary>A body with a value of the wrong JSON kind gets a 400 that says which kind was wanted, in JSON's words, never a .NET type name.</summary>
public sealed partial class ErrorTextTests(WebhookHubFixture hub) : IClassFixture<WebhookHubFixture>
{
    [Theory]
    [InlineData("PUT", "/api/v1/departments/typed", """{ "nameZh": 5, "nameEn": "Typed" }""", "not a string")]
    [InlineData("POST", "/api/v1/grants", """{ "department": "water", "kind": "capability", "target": "sensor.*", "deviceGroups": "gauges" }""", "not an array")]
    [InlineData("PUT", "/api/v1/users/typed-user", """{ "displayName": "T", "password": "long-enough-password", "roles": "editor", "departments": [] }""", "not an array")]
    [InlineData("POST", "/api/v1/devices", """{ "department": "water", "name": "gauge", "publish": { "a": 1 } }""", "not an array")]
    [InlineData("PUT", "/api/v1/flows/typed", """{ "id": "typed", "name": "T", "department": "water", "nodes": { }, "wires": [] }""", "not an array")]
    [InlineData("POST", "/api/v1/messages", """{ "topic": 7, "payload": {} }""", "not a string")]
    public async Task WrongJsonKind_Is400NamingTheJsonKind_NotADotNetType(string method, string path, string body, string expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        var response = await hub.Server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains(expected, StringComparison.Ordinal), detail);
        Assert.DoesNotMatch(DotNetType(), detail);
    }

    [GeneratedRegex(@"System\.|`1|Int32|Int64|Double|Boolean|IReadOnlyList|Dictionary`")]
    private static partial Regex DotNetType();
}
