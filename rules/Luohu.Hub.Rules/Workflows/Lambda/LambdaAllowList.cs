using System.Collections;
using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Luohu.Hub.Rules.Workflows.JavaScript;
using RulesEngine.HelperFunctions;

namespace Luohu.Hub.Rules.Workflows.Lambda;

/// <summary>
/// What a lambda expression may touch, checked on its parsed expression tree before it ever runs. RulesEngine's
/// defaults let an expression walk reflection (<c>"".GetType().Assembly.DefinedTypes</c>); here every node's type
/// and every member, method and constructor must belong to plain data: numbers, text, dates, the inputs' own
/// classes, lists and LINQ over them, <see cref="Math"/>, <see cref="Convert"/>, the hub's <see cref="Hub"/> helpers.
/// Reflection, files, processes, the environment and delegates are out of reach, whatever the expression names.
/// </summary>
internal static class LambdaAllowList
{
    private static readonly HashSet<Type> DataTypes =
    [
        typeof(object), typeof(string), typeof(bool), typeof(char), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort),
        typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal),
        typeof(System.Numerics.BigInteger), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly),
        typeof(TimeOnly), typeof(Guid), typeof(void), typeof(DayOfWeek), typeof(StringComparison),
    ];

    private static readonly HashSet<Type> HelperTypes =
    [
        typeof(Math), typeof(Convert), typeof(Enumerable), typeof(Queryable), typeof(Hub), typeof(LuohuJavaScript),
        typeof(ExpressionUtils), typeof(string), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan),
    ];

    private static readonly HashSet<Type> CollectionDefinitions =
    [
        typeof(List<>), typeof(IList<>), typeof(ICollection<>), typeof(IEnumerable<>), typeof(IReadOnlyList<>),
        typeof(IReadOnlyCollection<>), typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>),
        typeof(KeyValuePair<,>), typeof(IGrouping<,>), typeof(IOrderedEnumerable<>), typeof(IQueryable<>),
        typeof(IOrderedQueryable<>), typeof(Nullable<>), typeof(HashSet<>), typeof(ISet<>), typeof(Func<>), typeof(Func<,>),
        typeof(Func<,,>), typeof(Func<,,,>), typeof(Expression<>), typeof(IEqualityComparer<>), typeof(IComparer<>),
    ];

    private static readonly HashSet<string> ObjectMethods = new(StringComparer.Ordinal) { "Equals", "ToString", "GetHashCode", "CompareTo" };

    /// <summary>The first thing <paramref name="expression"/> reaches that it may not, or null when it stays within data.</summary>
    public static string? FindViolation(Expression expression)
    {
        var visitor = new Visitor();
        visitor.Visit(expression);
        return visitor.Violation;
    }

    /// <summary>Whether values of <paramref name="type"/> are plain data an expression may hold.</summary>
    public static bool IsData(Type type)
    {
        if (DataTypes.Contains(type) || type.IsEnum && type.Namespace == "System")
        {
            return true;
        }

        if (type.IsArray)
        {
            return IsData(type.GetElementType()!);
        }

        if (typeof(DynamicClass).IsAssignableFrom(type) || IsAnonymous(type) || typeof(Hub) == type || type == typeof(IEnumerable) || type == typeof(IList))
        {
            return true;
        }

        if (type.IsGenericType && (CollectionDefinitions.Contains(type.GetGenericTypeDefinition()) || type.FullName?.StartsWith("System.ValueTuple", StringComparison.Ordinal) == true))
        {
            return type.GenericTypeArguments.All(IsData);
        }

        return type.IsSubclassOf(typeof(LambdaExpression)) && type.IsGenericType && type.GenericTypeArguments.All(IsData);
    }

    private static bool IsAnonymous(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), false) && type.Name.Contains("AnonymousType", StringComparison.Ordinal);

    private static bool MayCall(MethodInfo method)
    {
        var owner = method.DeclaringType!;
        if (method.Name is "GetType" or "MemberwiseClone" or "Finalize")
        {
            return false;
        }

        if (owner == typeof(object) || owner == typeof(ValueType) || owner == typeof(Enum))
        {
            return ObjectMethods.Contains(method.Name);
        }

        if (owner == typeof(Convert) && method.GetParameters().Any(p => p.ParameterType == typeof(Type)))
        {
            return false;
        }

        return (HelperTypes.Contains(owner) || IsData(owner)) && method.GetParameters().All(p => IsData(p.ParameterType) || IsLambdaOfData(p.ParameterType));
    }

    private static bool IsLambdaOfData(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition().FullName?.StartsWith("System.Func", StringComparison.Ordinal) == true
            || type.GetGenericTypeDefinition() == typeof(Expression<>)) && type.GenericTypeArguments.All(t => IsData(t) || IsLambdaOfData(t));

    /// <summary>Visits children first, so the innermost offender is named (<c>GetType</c>, not the <c>Count</c> around it).</summary>
    private sealed class Visitor : ExpressionVisitor
    {
        public string? Violation { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is null || Violation is not null)
            {
                return node;
            }

            var result = base.Visit(node);
            if (Violation is null && !IsData(node.Type) && !IsLambdaOfData(node.Type) && node is not LambdaExpression)
            {
                Violation = $"a value of type {Describe(node.Type)}";
            }

            return result;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            var result = base.VisitMember(node);
            var owner = node.Member.DeclaringType!;
            if (Violation is null && !IsData(owner) && !HelperTypes.Contains(owner))
            {
                Violation = $"the member {Describe(owner)}.{node.Member.Name}";
            }

            return result;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var result = base.VisitMethodCall(node);
            if (Violation is null && !MayCall(node.Method))
            {
                Violation = $"the method {Describe(node.Method.DeclaringType!)}.{node.Method.Name}";
            }

            return result;
        }

        protected override Expression VisitNew(NewExpression node)
        {
            var result = base.VisitNew(node);
            if (Violation is null && !IsData(node.Type))
            {
                Violation = $"creating {Describe(node.Type)}";
            }

            return result;
        }

        protected override Expression VisitInvocation(InvocationExpression node)
        {
            Violation ??= "calling a delegate";
            return node;
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is Type or MemberInfo or Assembly or Delegate)
            {
                Violation ??= $"the constant {node.Value}";
            }

            return node;
        }

        private static string Describe(Type type) => type.FullName ?? type.Name;
    }
}
