using System.Text;
using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Sdk.Tests;

public sealed class SerializationTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Manifest_reads_the_documented_plugin_json()
    {
        const string json = """
            { "id": "luohu.parking", "name": "Parking sensors", "vendor": "Luohu Parking Co.",
              "version": "1.2.0", "sdk": "[1.0,2.0)", "assembly": "Luohu.Hub.Plugins.Parking.dll",
              "entryType": "Luohu.Hub.Plugins.Parking.ParkingPlugin" }
            """;

        var manifest = JsonSerializer.Deserialize<PluginManifest>(json)!;

        Assert.Equal("luohu.parking", manifest.Id);
        Assert.Equal("[1.0,2.0)", manifest.Sdk);
        Assert.Null(manifest.Description);
    }

    [Fact]
    public void Manifest_without_a_required_field_is_rejected_naming_it()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PluginManifest>("""{ "id": "x", "name": "n" }"""));

        Assert.Contains("vendor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmitAsync_of_a_record_sends_camel_case_utf8_json()
    {
        var sink = new RecordingSink();
        var reading = new SensorReading("LH-0042", "parking.free", 17, "spaces", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8)), new GeoPoint(22.54, 114.12));

        await sink.EmitAsync("sensors/parking/LH-0042/occupancy", reading, CancellationToken.None);

        var (topic, payload) = Assert.Single(sink.Events);
        Assert.Equal("sensors/parking/LH-0042/occupancy", topic);
        using var document = JsonDocument.Parse(payload);
        Assert.Equal("LH-0042", document.RootElement.GetProperty("deviceId").GetString());
        Assert.Equal(22.54, document.RootElement.GetProperty("location").GetProperty("latitude").GetDouble());
    }

    [Fact]
    public void Family_records_round_trip_through_web_json()
    {
        var request = new SetPhaseRequest("LH-X001", "pedestrian", 45, "elderly crossing");
        var json = JsonSerializer.Serialize(request, Web);

        Assert.Contains("\"intersectionId\":\"LH-X001\"", json, StringComparison.Ordinal);
        Assert.Equal(request, JsonSerializer.Deserialize<SetPhaseRequest>(json, Web));
    }

    [Fact]
    public void Optional_record_members_take_their_documented_defaults_when_absent()
    {
        var request = JsonSerializer.Deserialize<FaceMatchRequest>("""{ "galleryId": "missing-persons", "faceId": "f-1" }""", Web)!;

        Assert.Equal(5, request.TopK);
        Assert.Equal(0.8, request.Threshold);
    }

    [Fact]
    public void Input_exception_names_its_field()
    {
        var error = new CapabilityInputException("intersectionId", "Unknown intersection 'X'.");

        Assert.Equal("intersectionId", error.Field);
        Assert.Equal("Unknown intersection 'X'.", error.Message);
    }

    private sealed class RecordingSink : IEventSink
    {
        public List<(string Topic, string Payload)> Events { get; } = [];

        public ValueTask EmitAsync(string topic, ReadOnlyMemory<byte> utf8JsonPayload, CancellationToken cancellationToken)
        {
            Events.Add((topic, Encoding.UTF8.GetString(utf8JsonPayload.Span)));
            return ValueTask.CompletedTask;
        }
    }
}
