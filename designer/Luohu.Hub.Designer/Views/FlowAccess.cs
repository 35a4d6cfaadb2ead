namespace Luohu.Hub.Designer.Views;

/// <summary>What a user may do with a flow, by the API's rules: the owning department's editors (and admins) change
/// it, its other members and departments it is shared with only read it, anyone else does not see it at all.</summary>
internal enum FlowAccess
{
    None,
    SharedRead,
    Read,
    Edit,
}
