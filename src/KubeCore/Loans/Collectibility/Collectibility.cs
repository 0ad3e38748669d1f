using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Rules.Parameters;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>Loan quality classes (kolektibilitas), from 1 (best) to 5 (worst).</summary>
public enum Collectibility
{
    /// <summary>Kol 1, lancar (current): no arrears.</summary>
    Lancar = 1,

    /// <summary>Kol 2, dalam perhatian khusus (DPK, special mention).</summary>
    DalamPerhatianKhusus = 2,

    /// <summary>Kol 3, kurang lancar (substandard).</summary>
    KurangLancar = 3,

    /// <summary>Kol 4, diragukan (doubtful).</summary>
    Diragukan = 4,

    /// <summary>Kol 5, macet (loss).</summary>
    Macet = 5,
}

/// <summary>How a loan's collectibility is measured.</summary>
public enum CollectibilityScheme
{
    /// <summary>COL-01, PNPM POB 2013: by the number of installments overdue.</summary>
    InstallmentsOverdue = 1,

    /// <summary>COL-02, OJK (POJK 40/2019): by days past due of the oldest unpaid installment.</summary>
    DaysPastDue = 2,
}

/// <summary>A loan's collectibility as of a date, with its loss provision.</summary>
/// <param name="AsOf">The date assessed.</param>
/// <param name="Scheme">The scheme used.</param>
/// <param name="Class">The class.</param>
/// <param name="InstallmentsOverdue">Installments overdue as of the date.</param>
/// <param name="DaysPastDue">Days past due as of the date.</param>
/// <param name="OutstandingPrincipal">The principal the provision applies to.</param>
/// <param name="ProvisionRate">The class's provision rate (COL-02 parameters).</param>
/// <param name="Provision">The provision: the rate of the outstanding principal, truncated to whole rupiah.</param>
/// <param name="ProfileId">The profile whose thresholds were used.</param>
public sealed record CollectibilityAssessment(
    LocalDate AsOf,
    CollectibilityScheme Scheme,
    Collectibility Class,
    int InstallmentsOverdue,
    int DaysPastDue,
    Rupiah OutstandingPrincipal,
    Rate ProvisionRate,
    Rupiah Provision,
    string ProfileId)
{
    /// <summary>The rule the class comes from: COL-01 or COL-02.</summary>
    public RuleId RuleId => Scheme == CollectibilityScheme.InstallmentsOverdue ? RuleIds.Col01 : RuleIds.Col02;
}

/// <summary>Collectibility classes (COL-01, COL-02) and loss provisions.</summary>
/// <remarks>
/// Every threshold is inclusive at its upper end, as the parameters state: under COL-01, Kol 2 is 1 up to
/// <see cref="CollectibilityParameters.Kol2MaxInstallments"/> installments overdue, Kol 3 up to
/// <see cref="CollectibilityParameters.Kol3MaxInstallments"/>, Kol 4 up to
/// <see cref="CollectibilityParameters.Kol4MaxInstallments"/>, and Kol 5 above; under COL-02, DPK is 1 up
/// to <see cref="CollectibilityParameters.DpkMaxDays"/> days, kurang lancar up to
/// <see cref="CollectibilityParameters.KurangLancarMaxDays"/>, diragukan up to
/// <see cref="CollectibilityParameters.DiragukanMaxDays"/>, macet above. Both are monotone: more arrears
/// never give a better class.
/// </remarks>
public static class CollectibilityRules
{
    /// <summary>COL-01: the class for a count of installments overdue.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static Collectibility ByInstallmentsOverdue(int installmentsOverdue, CollectibilityParameters parameters)
    {
        Preconditions.CheckArgumentRange(installmentsOverdue, 0, int.MaxValue);
        Preconditions.CheckNotNull(parameters);
        return installmentsOverdue switch
        {
            0 => Collectibility.Lancar,
            _ when installmentsOverdue <= parameters.Kol2MaxInstallments => Collectibility.DalamPerhatianKhusus,
            _ when installmentsOverdue <= parameters.Kol3MaxInstallments => Collectibility.KurangLancar,
            _ when installmentsOverdue <= parameters.Kol4MaxInstallments => Collectibility.Diragukan,
            _ => Collectibility.Macet,
        };
    }

    /// <summary>COL-02: the class for days past due.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The days are negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static Collectibility ByDaysPastDue(int daysPastDue, CollectibilityParameters parameters)
    {
        Preconditions.CheckArgumentRange(daysPastDue, 0, int.MaxValue);
        Preconditions.CheckNotNull(parameters);
        return daysPastDue switch
        {
            0 => Collectibility.Lancar,
            _ when daysPastDue <= parameters.DpkMaxDays => Collectibility.DalamPerhatianKhusus,
            _ when daysPastDue <= parameters.KurangLancarMaxDays => Collectibility.KurangLancar,
            _ when daysPastDue <= parameters.DiragukanMaxDays => Collectibility.Diragukan,
            _ => Collectibility.Macet,
        };
    }

    /// <summary>The class of a loan position under <paramref name="scheme"/>.</summary>
    /// <exception cref="ArgumentException">Unknown scheme.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static Collectibility Classify(LoanStatus status, CollectibilityScheme scheme, CollectibilityParameters parameters) => scheme switch
    {
        CollectibilityScheme.InstallmentsOverdue => ByInstallmentsOverdue(status.InstallmentsOverdue, parameters),
        CollectibilityScheme.DaysPastDue => ByDaysPastDue(status.DaysPastDue, parameters),
        _ => throw new ArgumentException("Unknown collectibility scheme.", nameof(scheme)),
    };

    /// <summary>The provision rate of a class (<see cref="CollectibilityParameters.Provisions"/>, class 1 first).</summary>
    /// <exception cref="ArgumentException">Unknown class.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static Rate ProvisionRate(Collectibility collectibility, CollectibilityParameters parameters)
    {
        Preconditions.CheckNotNull(parameters);
        Preconditions.CheckArgument(Enum.IsDefined(collectibility), nameof(collectibility), "Unknown collectibility class.");
        return parameters.Provisions[(int)collectibility - 1];
    }

    /// <summary>
    /// The loss provision of a class on an outstanding principal: the class's rate of the principal,
    /// truncated toward zero to whole rupiah (the library's one rounding rule).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The principal is negative.</exception>
    /// <exception cref="ArgumentException">Unknown class.</exception>
    public static Rupiah Provision(Collectibility collectibility, Rupiah outstandingPrincipal, CollectibilityParameters parameters)
    {
        if (outstandingPrincipal.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(outstandingPrincipal), outstandingPrincipal, "An outstanding principal cannot be negative.");
        }
        return ProvisionRate(collectibility, parameters).Of(outstandingPrincipal);
    }

    /// <summary>Assesses a loan position under a profile and scheme.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException">Unknown scheme.</exception>
    public static CollectibilityAssessment Assess(LoanStatus status, CollectibilityScheme scheme, ProgramProfile profile)
    {
        Preconditions.CheckNotNull(profile);
        var parameters = profile.Collectibility;
        var kol = Classify(status, scheme, parameters);
        var rate = ProvisionRate(kol, parameters);
        return new CollectibilityAssessment(status.AsOf, scheme, kol, status.InstallmentsOverdue, status.DaysPastDue, status.OutstandingPrincipal, rate, rate.Of(status.OutstandingPrincipal), profile.Id);
    }
}
