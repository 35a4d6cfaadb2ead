using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class PayloadJsonTests
{
    private static JsonNode? Parse(string json) => PayloadJson.Parse(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"lot":"LH-0042","free":12,"total":400,"open":true,"note":null,"levels":[1.5,-2,{"a":[]}],"name":"罗湖 \"东门\""}""")]
    [InlineData("""[1,2,[3,[4]]]""")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("false")]
    [InlineData("""{"ms":1751362200000,"ratio":0.1,"tiny":1E-7}""")]
    public void A_payload_reads_back_as_the_same_JSON(string json)
    {
        var parsed = Parse(json);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), parsed), parsed?.ToJsonString());
    }

    [Fact]
    public void Numbers_keep_their_value_in_the_narrowest_CLR_type_and_long_ones_all_their_digits()
    {
        var parsed = Parse("""{"a":12,"b":1751362200000,"c":0.25,"d":12345678901234567.25,"e":3.0}""")!.AsObject();

        Assert.True(parsed["a"]!.AsValue().TryGetValue<int>(out _));
        Assert.True(parsed["b"]!.AsValue().TryGetValue<long>(out _));
        Assert.Equal(0.25, parsed["c"]!.GetValue<double>());
        Assert.Equal(12345678901234567.25m, parsed["d"]!.GetValue<decimal>());
        Assert.Equal("""{"a":12,"b":1751362200000,"c":0.25,"d":12345678901234567.25,"e":3}""", parsed.ToJsonString());
    }

    [Fact]
    public void Every_member_is_built_at_once_and_a_duplicate_name_keeps_the_last_value()
    {
        var parsed = Parse("""{"free":1,"free":2}""")!.AsObject();

        Assert.Equal(2, parsed["free"]!.GetValue<int>());
        Assert.Single(parsed);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"a":1} {"b":2}""")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("1e400")]
    public void Not_one_JSON_value_is_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json));

    [Fact]
    public void A_payload_nested_deeper_than_64_levels_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 65)) + string.Concat(Enumerable.Repeat("]", 65));

        Assert.ThrowsAny<JsonException>(() => Parse(deep));
        Assert.NotNull(Parse(string.Concat(Enumerable.Repeat("[", 64)) + string.Concat(Enumerable.Repeat("]", 64))));
    }
}
