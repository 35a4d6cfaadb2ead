using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;

namespace Luohu.Hub.Designer.Tests.Views;

public sealed class OpsAccessTests
{
    [Fact]
    public void Ops_may_operate_upload_and_read_the_audit_log()
    {
        var ops = User("ops");

        Assert.True(OpsAccess.CanOperatePlugins(ops));
        Assert.True(OpsAccess.CanUploadPlugins(ops));
        Assert.True(OpsAccess.CanReadAudit(ops));
    }

    [Fact]
    public void A_vendor_may_only_upload()
    {
        var vendor = User("vendor");

        Assert.False(OpsAccess.CanOperatePlugins(vendor));
        Assert.True(OpsAccess.CanUploadPlugins(vendor));
        Assert.False(OpsAccess.CanReadAudit(vendor));
    }

    [Fact]
    public void Viewers_and_editors_may_do_none_of_it()
    {
        foreach (var user in new[] { User("viewer"), User("editor", "integrator") })
        {
            Assert.False(OpsAccess.CanOperatePlugins(user));
            Assert.False(OpsAccess.CanUploadPlugins(user));
            Assert.False(OpsAccess.CanReadAudit(user));
        }
    }

    [Fact]
    public void An_admin_may_do_all_of_it_without_the_ops_role()
    {
        var admin = new DesignerUser("root", [], [], IsAdmin: true);

        Assert.True(OpsAccess.CanOperatePlugins(admin));
        Assert.True(OpsAccess.CanUploadPlugins(admin));
        Assert.True(OpsAccess.CanReadAudit(admin));
    }

    private static DesignerUser User(params string[] roles) => new("someone", ["water"], roles, IsAdmin: false);
}
