namespace Luohu.Hub.Runtime.Storage;

/// <summary>What a deploy-history entry records. Stored as lower-case text.</summary>
internal enum DeployAction
{
    Deploy,
    Rollback,
    Undeploy,
}
