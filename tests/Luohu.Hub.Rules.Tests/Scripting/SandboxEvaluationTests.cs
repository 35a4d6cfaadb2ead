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

    [Theory]
    [InlineData("var x = 1; x")]
    [InlineData("true); var zz = 1; (zz === 1")]
    [InlineData("1; 2")]
    public void Expression_WithStatements_IsASyntaxError(string code)
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile(code, ScriptKind.Expression));

        Assert.Equal(1, error.Line);
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

        var value = _sandbox.Run("msg.free = 99; return msg;", input: new ScriptInput { Message = message });

        Assert.Equal(1, message!["free"]!.GetValue<int>());
        Assert.Equal(99, value!["free"]!.GetValue<int>());
    }

    [Fact]
    public void OwnedMessage_IsChangedInPlace_KeepingWhatTheScriptLeftAlone()
    {
        var message = JsonNode.Parse("{\"topic\":\"t\",\"payload\":{\"free\":0,\"total\":10},\"headers\":{\"a\":\"b\"}}")!.AsObject();
        var headers = message["headers"];
        var total = message["payload"]!["total"];

        var value = _sandbox.Run("msg.payload.full = msg.payload.free === 0; delete msg.topic; return msg;", input: new ScriptInput { Message = message, MessageIsOwned = true });

        Assert.Same(message, value);
        Assert.Same(headers, message["headers"]);
        Assert.Same(total, message["payload"]!["total"]);
        Assert.Equal("{\"payload\":{\"free\":0,\"total\":10,\"full\":true},\"headers\":{\"a\":\"b\"}}", message.ToJsonString());
    }

    [Fact]
    public void OwnedMessage_IsLeftAsItArrived_WhenTheScriptFails()
    {
        var message = JsonNode.Parse("{\"payload\":{\"free\":0}}")!.AsObject();

        Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("msg.payload.free = 5; msg.payload.extra = 1; throw new Error('late');", input: new ScriptInput { Message = message, MessageIsOwned = true }));

        Assert.Equal("{\"payload\":{\"free\":0}}", message.ToJsonString());
    }

    [Fact]
    public void OwnedMessage_PartsReturnedInANewObject_AreCopiedNotShared()
    {
        var message = JsonNode.Parse("{\"payload\":{\"free\":3},\"topic\":\"t\"}")!.AsObject();

        var value = _sandbox.Run("return { a: msg.payload, b: msg.payload, msg };", input: new ScriptInput { Message = message, MessageIsOwned = true })!;

        Assert.Equal("{\"a\":{\"free\":3},\"b\":{\"free\":3},\"msg\":{\"payload\":{\"free\":3},\"topic\":\"t\"}}", value.ToJsonString());
        value["a"]!["free"] = 9;
        Assert.Equal(3, value["b"]!["free"]!.GetValue<int>());
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
    [InlineData("class")]
    public void Variables_ReservedOrNotIdentifier_AreRejected(string name)
    {
        var input = new ScriptInput { Variables = new Dictionary<string, JsonNode?> { [name] = 1 } };

        var error = Assert.Throws<ArgumentException>(() => _sandbox.Run("1", ScriptKind.Expression, input));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("const double = x => x * 2; return double(21);", "42")]
    [InlineData("let a = 1; { let a = 2; } const b = 3; return a + b;", "4")]
    [InlineData("return `lot ${msg.id} has ${msg.free} free`;", "\"lot LH-7 has 3 free\"")]
    [InlineData("const { id, free, ...rest } = msg; return [id, free, Object.keys(rest)];", "[\"LH-7\",3,[\"kind\"]]")]
    [InlineData("const [first, , third = 9] = [1, 2]; return [first, third];", "[1,9]")]
    [InlineData("return Math.max(...[3, 7, 5]);", "7")]
    [InlineData("return { ...msg, free: 0 }.free;", "0")]
    [InlineData("return msg.missing?.deep?.value ?? 'none';", "\"none\"")]
    [InlineData("class Lot { #free; constructor(f) { this.#free = f; } get full() { return this.#free === 0; } static of(f) { return new Lot(f); } } return Lot.of(0).full;", "true")]
    [InlineData("const m = new Map([['a', 1]]); m.set('b', 2); const s = new Set([1, 1, 2]); return [m.get('b'), m.size, s.size, [...s]];", "[2,2,2,[1,2]]")]
    [InlineData("let sum = 0; for (const x of [1, 2, 3]) { sum += x; } return sum;", "6")]
    [InlineData("function f(a = 2, b = a * 2) { return a + b; } return f();", "6")]
    [InlineData("return 2 ** 10;", "1024")]
    [InlineData("return [3, 1, 2].toSorted().at(-1);", "3")]
    [InlineData("return [1, 2, 3, 4].findLast(x => x % 2 === 1);", "3")]
    [InlineData("return Object.groupBy([1, 2, 3], x => x % 2 ? 'odd' : 'even').odd.length;", "2")]
    [InlineData("return [[1, [2]], 3].flat(Infinity);", "[1,2,3]")]
    [InlineData("return Object.fromEntries([['a', 1], ['b', 2]]);", "{\"a\":1,\"b\":2}")]
    [InlineData("return 'a-b-c'.replaceAll('-', '_');", "\"a_b_c\"")]
    [InlineData("function* ids() { yield 1; yield 2; } return [...ids()];", "[1,2]")]
    [InlineData("return 10n > 5n;", "true")]
    [InlineData("let x = null; x ??= 4; x ||= 5; return x;", "4")]
    public void ModernJavaScript_Runs(string code, string expectedJson)
    {
        var value = _sandbox.Run(code, input: Sandboxes.Message("{\"id\":\"LH-7\",\"free\":3,\"kind\":\"parking\"}"));

        Assert.Equal(expectedJson, value!.ToJsonString());
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
    public void Date_FollowsTheInjectedClock()
    {
        Assert.Equal("[2025,6,1,8,true]", _sandbox.Run("const d = new Date(); return [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), Date.now() === now()];")!.ToJsonString());
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
        Assert.Equal(expected, _sandbox.Run(expression, ScriptKind.Expression).Number(), 10);
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
    public void RuntimeError_ReportsTheScriptsLineAndColumn()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("var a = 1;\nvar b = 2;\n  throw new Error('boom');"));

        Assert.Equal((3, 9), (error.Line, error.Column));
        Assert.Equal("Error: boom", error.ErrorText);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuntimeError_PropertyOfNull_SaysWhatToLookFor()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("var a = null;\nreturn a.free;"));

        Assert.Equal((2, 10), (error.Line, error.Column));
        Assert.Contains("Cannot read properties of null (reading 'free')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuntimeError_ThrownString_IsReported()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("throw 'lot offline';"));

        Assert.Equal("Uncaught lot offline", error.ErrorText);
    }
}
