namespace Luohu.Hub.Plugins.Parking.Model;

/// <summary>What a car park serves; decides its daily rhythm.</summary>
internal static class CarParkKinds
{
    public const string Shopping = "shopping";
    public const string Office = "office";
    public const string Residential = "residential";
    public const string Hospital = "hospital";
    public const string Transit = "transit";
    public const string Street = "street";

    public static IReadOnlyList<string> All { get; } = [Shopping, Office, Residential, Hospital, Transit, Street];
}
