using UsageLens.Core.Semantics;

namespace UsageLens.Core.Tests.Semantics;

public sealed class AccountScopeTests
{
    private static readonly Dimension s_partner = new("partner_id", DimensionSource.Account, "partner_id", DimensionKind.Text);
    private static readonly Dimension s_segment = new("segment", DimensionSource.Account, "segment", DimensionKind.Text);

    [Fact]
    public void A_partner_scope_refuses_a_filter_naming_another_partner_as_forbidden()
    {
        var error = Assert.Throws<UsageLensException>(() =>
            AccountScope.Partner("p-north").Admit([new Filter(s_partner, FilterOperator.In, ["p-north", "p-south"])]));

        Assert.Equal(UsageLensErrorKind.Forbidden, error.Kind);
        Assert.Contains("'p-south'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partner_scope_admits_its_own_partner_exclusions_and_other_dimensions()
    {
        var scope = AccountScope.Partner("p-north");

        scope.Admit([
            new Filter(s_partner, FilterOperator.In, ["p-north"]),
            new Filter(s_partner, FilterOperator.NotIn, ["p-south"]),
            new Filter(s_segment, FilterOperator.In, ["p-south"]),
        ]);
    }

    [Fact]
    public void The_whole_workspace_scope_admits_any_partner()
    {
        AccountScope.All.Admit([new Filter(s_partner, FilterOperator.In, ["p-south"])]);
    }

    [Fact]
    public void An_exception_without_a_kind_is_bad_input()
    {
        Assert.Equal(UsageLensErrorKind.BadInput, new UsageLensException("bad").Kind);
    }

    [Fact]
    public void Two_masked_scopes_built_apart_with_the_same_traits_are_equal_so_caches_share_them()
    {
        var one = AccountScope.Partner("p-north").MaskingPii(["email", "name"]);
        var two = AccountScope.Partner("p-north").MaskingPii(new List<string> { "EMAIL", "name" });

        Assert.Equal(one, two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
        Assert.NotEqual(one, AccountScope.Partner("p-north"));
        Assert.NotEqual(one, AccountScope.Partner("p-south").MaskingPii(["email", "name"]));
        Assert.NotEqual(one, AccountScope.Partner("p-north").MaskingPii(["email"]));
    }
}
