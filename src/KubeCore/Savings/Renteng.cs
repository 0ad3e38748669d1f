using KubeCore.Common;

namespace KubeCore.Savings;

/// <summary>Where a tanggung renteng contribution comes from (LOAN-08).</summary>
public enum RentengSource
{
    /// <summary>The defaulting borrower's own savings (first in the LOAN-08 order). Creates no claim: the borrower paid their own debt.</summary>
    BorrowerSavings = 1,

    /// <summary>The IKS solidarity fund (second). Creates a claim of the IKS on the borrower.</summary>
    Iks = 2,

    /// <summary>Another member's savings (third, pro rata among the other members). Creates a claim of that member on the borrower.</summary>
    MemberSavings = 3,
}

/// <summary>
/// One contribution to a tanggung renteng cover (LOAN-08): a source and a positive amount. A member who
/// wants to contribute cash first deposits it (an ordinary savings deposit) and then contributes from savings,
/// so every rupiah is traceable to an account.
/// </summary>
/// <remarks>The default value (zero amount) is not valid; use the factories.</remarks>
public readonly record struct RentengContribution
{
    private RentengContribution(RentengSource source, PersonId? member, Rupiah amount)
    {
        Source = source;
        Member = member;
        Amount = amount;
    }

    /// <summary>The source.</summary>
    public RentengSource Source { get; }

    /// <summary>For <see cref="RentengSource.MemberSavings"/>, the contributing member; otherwise null.</summary>
    public PersonId? Member { get; }

    /// <summary>The amount, positive whole rupiah.</summary>
    public Rupiah Amount { get; }

    /// <summary>A contribution from the defaulting borrower's savings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public static RentengContribution FromBorrowerSavings(Rupiah amount) => new(RentengSource.BorrowerSavings, null, Positive(amount));

    /// <summary>A contribution from the IKS fund.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public static RentengContribution FromIks(Rupiah amount) => new(RentengSource.Iks, null, Positive(amount));

    /// <summary>A contribution from another member's savings.</summary>
    /// <exception cref="ArgumentException">The member id is the default id, or the amount is not positive.</exception>
    public static RentengContribution FromMemberSavings(PersonId member, Rupiah amount) =>
        new(RentengSource.MemberSavings, IdGuard.Check(member), Positive(amount));

    private static Rupiah Positive(Rupiah amount)
    {
        Preconditions.CheckArgumentRange(amount.Amount, 1, long.MaxValue, nameof(amount));
        return amount;
    }
}

/// <summary>
/// A party that covered a defaulter's arrears and may recover it (LOAN-08): the IKS fund or a member.
/// Recoveries are credited back to the IKS fund or to the member's savings.
/// </summary>
/// <remarks>The default value is the IKS fund.</remarks>
public readonly record struct RentengClaimant
{
    private RentengClaimant(PersonId? member) => Member = member;

    /// <summary>The member, or null for the IKS fund.</summary>
    public PersonId? Member { get; }

    /// <summary>True for the IKS fund.</summary>
    public bool IsIks => Member is null;

    /// <summary>The IKS fund.</summary>
    public static RentengClaimant Iks => default;

    /// <summary>A member who covered from their savings.</summary>
    /// <exception cref="ArgumentException">The id is the default id.</exception>
    public static RentengClaimant OfMember(PersonId member) => new(IdGuard.Check(member));

    /// <summary>The ledger account a recovery for this claimant is credited to.</summary>
    public LedgerAccount Account => Member is { } m ? LedgerAccount.MemberSavings(m) : LedgerAccount.Iks;

    /// <summary><c>IKS</c> or the member id.</summary>
    public override string ToString() => Member is { } m ? m.ToString() : "IKS";
}
