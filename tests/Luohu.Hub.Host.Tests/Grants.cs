using System.Net.Http.Json;

namespace Luohu.Hub.Host.Tests;

/// <summary>Grants a test flow needs, given the way an admin gives them: through the grants API.</summary>
internal static class Grants
{
    public static async Task StreamAsync(HubServer hub, string department, string topicFilter) =>
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/grants", new { department, kind = "stream", target = topicFilter }));
}
