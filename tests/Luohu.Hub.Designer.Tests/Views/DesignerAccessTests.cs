using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;

namespace Luohu.Hub.Designer.Tests.Views;

public sealed class DesignerAccessTests
{
    [Fact]
    public void Ops_may_operate_upload_and_read_the_audit_log()
    {
        var ops = User("ops");

        Assert.True(DesignerAccess.CanOperatePlugins(ops));
        Assert.True(DesignerAccess.CanUploadPlugins(ops));
        Assert.True(DesignerAccess.CanReadAudit(ops));
    }

    [Fact]
    public void A_vendor_may_only_upload()
    {
        var vendor = User("vendor");

        Assert.False(DesignerAccess.CanOperatePlugins(vendor));
        Assert.True(DesignerAccess.CanUploadPlugins(vendor));
        Assert.False(DesignerAccess.CanReadAudit(vendor));
    }

    [Fact]
    public void Viewers_and_editors_may_do_none_of_it()
    {
        foreach (var user in new[] { User("viewer"), User("editor", "integrator") })
        {
            Assert.False(DesignerAccess.CanOperatePlugins(user));
            Assert.False(DesignerAccess.CanUploadPlugins(user));
            Assert.False(DesignerAccess.CanReadAudit(user));
        }
    }

    [Fact]
    public void An_admin_may_do_all_of_it_without_the_ops_role()
    {
        var admin = new DesignerUser("root", [], [], IsAdmin: true);

        Assert.True(DesignerAccess.CanOperatePlugins(admin));
        Assert.True(DesignerAccess.CanUploadPlugins(admin));
        Assert.True(DesignerAccess.CanReadAudit(admin));
    }

    private static DesignerUser User(params string[] roles) => new("someone", ["water"], roles, IsAdmin: false);
}
