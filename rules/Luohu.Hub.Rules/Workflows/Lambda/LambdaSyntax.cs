using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Dynamic.Core.Tokenizer;
using System.Linq.Expressions;
using Luohu.Hub.Rules.Workflows.JavaScript;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Luohu.Hub.Rules.Workflows.Lambda;

/// <summary>
/// What can be said of a lambda expression without its inputs' types: whether it parses — every free name is taken
/// as an input of unknown shape, and only syntax errors are reported (a member or operator the unknown shapes cannot
/// confirm is left for the check with inputs) — and whether it names reflection, files or processes: a clear message
/// at validation for what <see cref="LambdaAllowList"/> refuses anyway when the expression meets its inputs.
/// </summary>
internal static class LambdaSyntax
{
    private static readonly HashSet<string> RefusedMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "GetType", "GetTypes", "DefinedTypes", "ExportedTypes", "GetMethod", "GetMethods", "GetProperties", "GetField", "GetFields",
        "GetMember", "GetMembers", "GetConstructor", "GetConstructors", "InvokeMember", "DynamicInvoke", "CreateInstance", "TypeHandle",
        "MethodHandle", "Assembly", "CodeBase", "DeclaringType", "ReflectedType", "UnderlyingSystemType",
    };

    private static readonly HashSet<string> RefusedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "System", "Activator", "AppDomain", "Environment", "Process", "File", "Directory", "Assembly", "Marshal", "GC", "Type", "Console",
    };

    /// <summary>Names that are not inputs: Dynamic LINQ's keywords and the types an expression may name.</summary>
    private static readonly HashSet<string> NotInputs = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "new", "it", "parent", "root", "iif", "np", "as", "is", "in", "and", "or", "not", "mod",
        "Math", "Convert", "DateTime", "DateTimeOffset", "TimeSpan", "Guid", "String", "Char", "Boolean", "Byte", "SByte", "Int16",
        "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Single", "Double", "Decimal", "Object", "Uri", "Nullable", "DateOnly",
        "TimeOnly", "Enumerable", "Hub", nameof(LuohuJavaScript), "bool", "byte", "char", "decimal", "double", "float", "int", "long",
        "object", "sbyte", "short", "string", "uint", "ulong", "ushort", "StringComparison", "DayOfWeek", "TypeCode",
    };

    private static readonly string[] TypeProblems =
        ["exists in type", "No applicable", "is not defined for the types", "No property or field", "incompatible", "cannot be converted", "is not accessible", "Ambiguous", "type arguments", "requires the first argument"];

    private static readonly ParsingConfig Config = new() { IsCaseSensitive = false };
    private static readonly RuleExpressionParser Parser = new(new ReSettings { CustomTypes = [typeof(Hub), typeof(LuohuJavaScript)] });
    private static readonly Type UnknownShape = DynamicClassFactory.CreateType([]);

    /// <summary>The first problem of <paramref name="expression"/>: message and 0-based position; null when none is found.</summary>
    public static (string Message, int Position)? Check(string expression)
    {
        List<string> inputs;
        try
        {
            var tokens = Tokens(expression);
            if (Refused(tokens) is { } refused)
            {
                return refused;
            }

            inputs = FreeNames(tokens);
        }
        catch (ParseException ex)
        {
            return (ex.Message, ex.Position);
        }

        try
        {
            using var scan = AssemblyScanGate.EnterScan();
            Parser.Parse(expression, [.. inputs.Select(name => Expression.Parameter(UnknownShape, name))], null);
            return null;
        }
        catch (ParseException ex) when (!TypeProblems.Any(t => ex.Message.Contains(t, StringComparison.Ordinal)))
        {
            return (ex.Message, ex.Position);
        }
        catch (Exception ex) when (ex is ParseException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return null; // a type question: answered when the expression meets its inputs
        }
    }

    private static List<Token> Tokens(string expression)
    {
        var parser = new TextParser(Config, expression);
        var tokens = new List<Token>();
        while (parser.CurrentToken.Id != TokenId.End)
        {
            tokens.Add(parser.CurrentToken);
            parser.NextToken();
        }

        return tokens;
    }

    private static (string, int)? Refused(List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var afterDot = i > 0 && tokens[i - 1].Id == TokenId.Dot;
            if (tokens[i].Id == TokenId.Identifier && (afterDot ? RefusedMembers : RefusedNames).Contains(tokens[i].Text))
            {
                return ($"'{tokens[i].Text}' reaches .NET reflection, files or processes, which rule expressions may not use; use the inputs' fields, Math, Convert and the hub's helpers (Hub.Round, ...)", tokens[i].Pos);
            }
        }

        return null;
    }

    /// <summary>Names not after a dot, not keywords or types, not lambda parameters and not <c>as</c> aliases.</summary>
    private static List<string> FreeNames(List<Token> tokens)
    {
        var lambdaParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Id == TokenId.Identifier && tokens[i + 1].Id == TokenId.Lambda)
            {
                lambdaParameters.Add(tokens[i].Text);
            }
        }

        var names = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            Token? after = i > 0 ? tokens[i - 1] : null;
            if (token.Id == TokenId.Identifier && after?.Id != TokenId.Dot && !(after?.Id == TokenId.Identifier && string.Equals(after.Value.Text, "as", StringComparison.OrdinalIgnoreCase))
                && !NotInputs.Contains(token.Text) && !lambdaParameters.Contains(token.Text) && !names.Contains(token.Text, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(token.Text);
            }
        }

        return names;
    }
}
