using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Cameras.Model;

/// <summary>One camera of the catalogue.</summary>
/// <param name="Index">Position in the catalogue.</param>
/// <param name="Id">Camera id, e.g. <c>HC-01</c>.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Group">Its device group (<see cref="DeviceGroups"/>).</param>
/// <param name="Location">Where it is.</param>
/// <param name="AcousticArray">Whether an acoustic array beside it locates honking vehicles.</param>
internal sealed record Camera(int Index, string Id, string Name, string NameEn, string Group, GeoPoint Location, bool AcousticArray)
{
    public CameraInfo Info => new(Id, $"{Name} {NameEn}", Group, Location);
}
