using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Runtime.Datasets;

namespace Luohu.Hub.Host.Tests;

/// <summary><c>/api/v1/data</c> on the real hub, fed live by the Parking plugin through the sample parking-guidance flow.</summary>
public sealed class DataApiTests(ParkingHubFixture fixture) : IClassFixture<ParkingHubFixture>
{
    private HubServer Hub => fixture.Hub;

    [Fact]
    public async Task Parking_serves_every_car_park_of_the_district_with_its_totals()
    {
        var parking = await GetAsync("/api/v1/data/parking", "consumer-a");

        var carParks = parking.GetProperty("carParks").EnumerateArray().ToList();
        Assert.Equal(620, carParks.Count);
        Assert.Equal(92_467, carParks.Sum(c => c.GetProperty("total").GetInt32()));
        var totals = parking.GetProperty("totals");
        Assert.Equal(92_467, totals.GetProperty("spaces").GetInt32());
        Assert.Equal(carParks.Sum(c => c.GetProperty("free").GetInt32()), totals.GetProperty("free").GetInt32());
        Assert.Equal(620, totals.GetProperty("available").GetInt32() + totals.GetProperty("nearlyFull").GetInt32() + totals.GetProperty("full").GetInt32());
        var first = carParks[0];
        Assert.Equal("LH-0001", first.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("nameEn").GetString()));
        Assert.InRange(first.GetProperty("location").GetProperty("latitude").GetDouble(), 22.4, 22.7);
        Assert.InRange(first.GetProperty("location").GetProperty("longitude").GetDouble(), 113.9, 114.3);
        Assert.Contains(first.GetProperty("status").GetString(), new[] { "available", "nearly-full", "full" });
        Assert.True(first.GetProperty("updatedAt").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task Parking_values_are_live_they_move_as_the_sensors_report()
    {
        var before = await GetAsync("/api/v1/data/parking", "consumer-a");
        var firstUpdate = before.GetProperty("carParks")[0].GetProperty("updatedAt").GetDateTimeOffset();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement after;
        do
        {
            await Task.Delay(250);
            after = await GetAsync("/api/v1/data/parking", "consumer-a");
            Assert.True(DateTime.UtcNow < deadline, "the parking data did not change within 20 s");
        }
        while (after.GetProperty("carParks")[0].GetProperty("updatedAt").GetDateTimeOffset() == firstUpdate);

        Assert.True(after.GetProperty("version").GetInt64() > before.GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("Dongmen")]
    [InlineData("dongmen")]
    [InlineData("东门")]
    public async Task Parking_filtered_by_area_in_English_or_Chinese_has_only_that_area(string area)
    {
        var parking = await GetAsync($"/api/v1/data/parking?area={Uri.EscapeDataString(area)}", "consumer-a");

        var carParks = parking.GetProperty("carParks").EnumerateArray().ToList();
        Assert.Equal(62, carParks.Count);
        Assert.All(carParks, c => Assert.Equal("Dongmen", c.GetProperty("area").GetString()));
        Assert.All(carParks, c => Assert.Equal("东门", c.GetProperty("areaZh").GetString()));
        Assert.Equal(carParks.Sum(c => c.GetProperty("total").GetInt32()), parking.GetProperty("totals").GetProperty("spaces").GetInt32());
    }

    [Fact]
    public async Task Parking_filtered_by_status_has_only_that_status()
    {
        var parking = await GetAsync("/api/v1/data/parking?status=available", "consumer-a");

        var carParks = parking.GetProperty("carParks").EnumerateArray().ToList();
        Assert.NotEmpty(carParks);
        Assert.All(carParks, c => Assert.Equal("available", c.GetProperty("status").GetString()));
        Assert.Equal(carParks.Count, parking.GetProperty("totals").GetProperty("available").GetInt32());
    }

    [Theory]
    [InlineData("?area=Atlantis", "Dongmen (东门)")]
    [InlineData("?status=closed", "available, nearly-full, full")]
    public async Task A_bad_filter_is_a_400_naming_the_allowed_values(string query, string allowed)
    {
        var response = await SendAsync(HttpMethod.Get, "/api/v1/data/parking" + query, "consumer-a");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(allowed, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_dataset_is_a_404_problem()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/v1/data/water-levels", "consumer-a");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("parking", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dataset_list_shows_parking_with_its_count_and_version()
    {
        var list = await GetAsync("/api/v1/data", "consumer-a");

        var parking = list.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "parking");
        Assert.Equal(620, parking.GetProperty("count").GetInt32());
        Assert.True(parking.GetProperty("version").GetInt64() >= 620);
        Assert.Equal("/api/v1/data/parking", parking.GetProperty("href").GetString());
    }

    [Fact]
    public async Task The_generic_endpoint_serves_the_records_as_the_flow_wrote_them()
    {
        var raw = await GetAsync("/api/v1/data/quiet-raw", "consumer-a", declare: "quiet-raw");

        Assert.Equal("quiet-raw", raw.GetProperty("dataset").GetString());
        Assert.Equal(1, raw.GetProperty("count").GetInt32());
        Assert.Equal("hello", raw.GetProperty("records")[0].GetProperty("note").GetString());
    }

    [Fact]
    public async Task An_unchanged_answer_is_a_304_for_its_ETag_and_a_change_gives_a_new_ETag()
    {
        var registry = Hub.Services.GetRequiredService<IDatasetRegistry>();
        registry.Upsert("quiet", "a", JsonDocument.Parse("""{ "note": "first" }""").RootElement.Clone());
        var first = await SendAsync(HttpMethod.Get, "/api/v1/data/quiet", "consumer-a");
        await HubServer.EnsureSuccessAsync(first);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: > 0 }, $"Cache-Control was {first.Headers.CacheControl}");

        var again = await SendAsync(HttpMethod.Get, "/api/v1/data/quiet", "consumer-a", etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        registry.Upsert("quiet", "a", JsonDocument.Parse("""{ "note": "second" }""").RootElement.Clone());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        HttpResponseMessage changed;
        do
        {
            // A changed dataset is rebuilt once its cached answer is older than Hub:Gateway:Data:CacheRefresh (1 s).
            await Task.Delay(100);
            changed = await SendAsync(HttpMethod.Get, "/api/v1/data/quiet", "consumer-a", etag);
            Assert.True(DateTime.UtcNow < deadline, "the changed dataset kept its old ETag for 10 s");
        }
        while (changed.StatusCode == HttpStatusCode.NotModified);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal("second", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("records")[0].GetProperty("note").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_data_services_and_the_car_park_schema()
    {
        var document = await Hub.GetJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/data/parking", out var parking));
        Assert.True(paths.TryGetProperty("/api/v1/data/{dataset}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/data", out _));
        var parameters = parking.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["area", "status"], parameters.Order());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var carPark = schemas.GetProperty("CarParkRecord").GetProperty("properties");
        foreach (var field in new[] { "id", "name", "location", "total", "free", "status", "updatedAt" })
        {
            Assert.True(carPark.TryGetProperty(field, out _), $"CarParkRecord has no '{field}'");
        }
    }

    private async Task<JsonElement> GetAsync(string path, string apiKey, string? declare = null)
    {
        if (declare is not null)
        {
            Hub.Services.GetRequiredService<IDatasetRegistry>().Upsert(declare, "only", JsonDocument.Parse("""{ "note": "hello" }""").RootElement.Clone());
        }

        var response = await SendAsync(HttpMethod.Get, path, apiKey);
        await HubServer.EnsureSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string apiKey, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Api-Key", (await Hub.ConsumerKeyAsync(apiKey)).Secret);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await Hub.BareClient.SendAsync(request);
    }
}
