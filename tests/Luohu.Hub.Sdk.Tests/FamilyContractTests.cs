using System.Reflection;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Sdk.Tests;

/// <summary>The unified interfaces are what make two vendors interchangeable; their shape is a contract.</summary>
public sealed class FamilyContractTests
{
    private static readonly Type[] FamilyTypes =
    [
        typeof(ISensorDriver), typeof(ISignalController), typeof(ICreditProvider), typeof(ICameraSource), typeof(IAiEngine),
    ];

    public static TheoryData<Type> Families => new(FamilyTypes);

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_family_method_is_a_standard_capability_of_the_invokable_shape(Type family)
    {
        foreach (var method in family.GetMethods())
        {
            var capability = method.GetCustomAttribute<CapabilityAttribute>();
            Assert.True(capability is not null, $"{family.Name}.{method.Name} has no [Capability]");
            var parameters = method.GetParameters();
            Assert.Equal(2, parameters.Length);
            Assert.Equal(typeof(CancellationToken), parameters[1].ParameterType);
            Assert.True(method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>),
                $"{family.Name}.{method.Name} must return ValueTask<TOutput>");
            Assert.Matches("^[a-z]+\\.[a-z-]+$", capability!.Id);
        }
    }

    [Fact]
    public void Standard_capability_ids_are_unique_and_each_names_exactly_one_family_method()
    {
        var declared = typeof(StandardCapabilities).GetFields()
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var used = FamilyTypes
            .SelectMany(f => f.GetMethods())
            .Select(m => m.GetCustomAttribute<CapabilityAttribute>()!.Id)
            .ToList();

        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.Equal(declared.Order(), used.Order());
    }

    [Theory]
    [InlineData(StandardCapabilities.CreditAssess)]
    [InlineData(StandardCapabilities.CreditSettle)]
    [InlineData(StandardCapabilities.AiMatchFace)]
    [InlineData(StandardCapabilities.SignalSetPhase)]
    public void Capabilities_that_touch_money_faces_or_traffic_are_marked_sensitive(string id)
    {
        var attribute = FamilyTypes
            .SelectMany(f => f.GetMethods())
            .Select(m => m.GetCustomAttribute<CapabilityAttribute>()!)
            .Single(a => a.Id == id);

        Assert.True(attribute.Sensitive);
    }
}
