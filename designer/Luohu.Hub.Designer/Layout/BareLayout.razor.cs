namespace Luohu.Hub.Designer.Layout;

/// <summary>The frame of pages seen before signing in: no navigation, only the language switch.</summary>
public sealed partial class BareLayout;
