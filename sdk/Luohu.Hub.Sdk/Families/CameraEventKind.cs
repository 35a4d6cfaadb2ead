namespace Luohu.Hub.Sdk.Families;

/// <summary>What a camera detected.</summary>
public enum CameraEventKind
{
    /// <summary>A face, with a face id for matching.</summary>
    Face,

    /// <summary>A person, with attributes such as elderly or in a wheelchair.</summary>
    Person,

    /// <summary>A vehicle's number plate.</summary>
    Plate,

    /// <summary>A vehicle honking where it is banned.</summary>
    Honking,
}
