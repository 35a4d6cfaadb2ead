using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;

namespace Luohu.Hub.Rules.Tests.Scripting;

public sealed class SandboxEvaluationTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create(new FakeTimeProvider(new DateTimeOffset(2025, 7, 1, 8, 30, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("{\"free\":5,\"kind\":\"parking\"}", true)]
    [InlineData("{\"free\":15,\"kind\":\"parking\"}", false)]
    [InlineData("{\"free\":5,\"kind\":\"water\"}", false)]
    public void Expression_SeesMessage_ReturnsBoolean(string message, bool expected)
    {
        var value = _sandbox.Run("msg.free < 10 && msg.kind == \"parking\"", ScriptKind.Expression, Sandboxes.Message(message));

        Assert.Equal(expected, value!.GetValue<bool>());
    }

    [Fact]
    public void Expression_ObjectLiteral_IsReturnedAsJsonObject()
    {
        var value = _sandbox.Run("{ a: 1, b: 'x' }", ScriptKind.Expression);

        Assert.Equal("{\"a\":1,\"b\":\"x\"}", value!.ToJsonString());
    }

    [Fact]
    public void Expression_WithStatements_IsASyntaxError()
    {
        Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("var x = 1; x", ScriptKind.Expression));
    }

    [Fact]
    public void FunctionBody_ReturnsNewMessage()
    {
        var value = _sandbox.Run(
            "var out = { topic: 'alerts/parking/' + msg.id, payload: { free: msg.free } };\nreturn out;",
            input: Sandboxes.Message("{\"id\":\"LH-0042\",\"free\":3}"));

        Assert.Equal("alerts/parking/LH-0042", value!["topic"]!.GetValue<string>());
        Assert.Equal(3, value["payload"]!["free"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("return undefined;")]
    [InlineData("return null;")]
    [InlineData("var x = 1;")]
    public void FunctionBody_UndefinedOrNull_GivesNull(string code)
    {
        Assert.Null(_sandbox.Run(code));
    }

    [Fact]
    public void Result_NaNAndFunctions_AreDroppedLikeJsonStringify()
    {
        var value = _sandbox.Run("return { n: NaN, f: function () {}, list: [1, function () {}] };");

        Assert.Equal("{\"n\":null,\"list\":[1,null]}", value!.ToJsonString());
    }

    [Fact]
    public void Result_Date_IsIsoText()
    {
        var value = _sandbox.Run("return new Date(0);");

        Assert.Equal("1970-01-01T00:00:00.000Z", value!.GetValue<string>());
    }

    [Fact]
    public void Message_ChangedByScript_LeavesCallersNodeAlone()
    {
        var message = JsonNode.Parse("{\"free\":1}");

        _sandbox.Run("msg.free = 99; return msg;", input: new ScriptInput { Message = message });

        Assert.Equal(1, message!["free"]!.GetValue<int>());
    }

    [Fact]
    public void Variables_AreVisibleByName()
    {
        var input = new ScriptInput { Variables = new Dictionary<string, JsonNode?> { ["lot"] = JsonNode.Parse("{\"free\":4}"), ["limit"] = 10 } };

        Assert.True(_sandbox.Run("lot.free < limit", ScriptKind.Expression, input)!.GetValue<bool>());
    }

    [Theory]
    [InlineData("log")]
    [InlineData("ctx")]
    [InlineData("2fast")]
    [InlineData("a-b")]
    public void Variables_ReservedOrNotIdentifier_AreRejected(string name)
    {
        var input = new ScriptInput { Variables = new Dictionary<string, JsonNode?> { [name] = 1 } };

        var error = Assert.Throws<ArgumentException>(() => _sandbox.Run("1", ScriptKind.Expression, input));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LetAndConst_ParseAsVar()
    {
        Assert.Equal(3, _sandbox.Run("let x = 1; const y = 2; return x + y;")!.GetValue<int>());
    }

    [Fact]
    public void Ctx_SetThenGet_RoundTripsJsonThroughState()
    {
        var state = new InMemoryScriptState();
        var input = new ScriptInput { State = state };

        _sandbox.Run("ctx.set('last', { free: 7, at: 'x' });", input: input);
        var value = _sandbox.Run("return ctx.get('last').free + 1;", input: input);

        Assert.Equal(8, value!.GetValue<int>());
        Assert.Equal(7, state.GetValue("last")!["free"]!.GetValue<int>());
    }

    [Fact]
    public void Ctx_GetMissingKey_IsNull()
    {
        Assert.True(_sandbox.Run("ctx.get('nothing') === null", ScriptKind.Expression, new ScriptInput { State = new InMemoryScriptState() })!.GetValue<bool>());
    }

    [Fact]
    public void Ctx_SetWithoutState_IsATypeError()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("ctx.set('k', 1);"));

        Assert.StartsWith("TypeError", error.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_CollectsLinesWithLevels_AndFeedsSink()
    {
        var sunk = new List<ScriptLogEntry>();

        var result = _sandbox.Evaluate(
            "log('free', msg.free, { a: 1 }); log.warn('low'); log.error('bad'); return 1;",
            ScriptKind.Function,
            new ScriptInput { Message = JsonNode.Parse("{\"free\":3}"), LogSink = sunk.Add });

        Assert.Equal(
            [new(ScriptLogLevel.Information, "free 3 {\"a\":1}"), new(ScriptLogLevel.Warning, "low"), new(ScriptLogLevel.Error, "bad")],
            result.Logs);
        Assert.Equal(result.Logs, sunk);
    }

    [Fact]
    public void Log_ManyLines_KeepsTheCapAndSaysHowManyWereDropped()
    {
        var result = _sandbox.Evaluate("for (var i = 0; i < 150; i++) { log(i); }", ScriptKind.Function, ScriptInput.Empty);

        Assert.Equal(ScriptResult.MaxLogLines + 1, result.Logs.Count);
        Assert.Contains("50 more log lines were dropped", result.Logs[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsoTime_WithoutArgument_UsesInjectedClock()
    {
        Assert.Equal("2025-07-01T08:30:00.000Z", _sandbox.Run("isoTime()", ScriptKind.Expression)!.GetValue<string>());
    }

    [Fact]
    public void Now_UsesInjectedClock()
    {
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 8, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), _sandbox.Run("now()", ScriptKind.Expression)!.GetValue<long>());
    }

    [Fact]
    public void IsoTime_WithMilliseconds_FormatsThatInstant()
    {
        Assert.Equal("2025-07-01T09:30:00.000Z", _sandbox.Run("isoTime(1751362200000)", ScriptKind.Expression)!.GetValue<string>());
    }

    [Theory]
    [InlineData("round(1.2345, 2)", 1.23)]
    [InlineData("round(2.5)", 3)]
    [InlineData("round(0.125, 2)", 0.13)]
    [InlineData("clamp(12, 0, 10)", 10)]
    [InlineData("clamp(-3, 0, 10)", 0)]
    [InlineData("clamp(4, 0, 10)", 4)]
    public void NumberHelpers_Compute(string expression, double expected)
    {
        Assert.Equal(expected, _sandbox.Run(expression, ScriptKind.Expression)!.GetValue<double>(), 10);
    }

    [Fact]
    public void DistanceMeters_OneHundredthDegreeOfLatitude_IsAbout1112Metres()
    {
        var metres = _sandbox.Run("distanceMeters(22.54, 114.12, 22.55, 114.12)", ScriptKind.Expression)!.GetValue<double>();

        Assert.InRange(metres, 1110, 1114);
    }

    [Fact]
    public void Helpers_WrongArgumentType_GiveTypeErrorNamingTheParameter()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("round('a', 1)", ScriptKind.Expression));

        Assert.Contains("round: x must be a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuntimeError_ReportsTheScriptsLine()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("var a = 1;\nvar b = 2;\nthrow new Error('boom');"));

        Assert.Equal(3, error.Line);
        Assert.Equal("Error: boom", error.ErrorText);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuntimeError_PropertyOfNull_SaysWhatToLookFor()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("var a = null;\nreturn a.free;"));

        Assert.Equal(2, error.Line);
        Assert.Contains("null or undefined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuntimeError_ThrownString_IsReported()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("throw 'lot offline';"));

        Assert.Equal("Uncaught lot offline", error.ErrorText);
    }
}
