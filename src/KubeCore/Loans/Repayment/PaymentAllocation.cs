using KubeCore.Common;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>Where a payment towards a loan came from.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PaymentSource>))]
public enum PaymentSource
{
    /// <summary>The borrower paid (an angsuran).</summary>
    Borrower = 1,

    /// <summary>Tanggung renteng (LOAN-08): the group covered the borrower's arrears.</summary>
    JointLiability = 2,
}

/// <summary>
/// How one payment was allocated (LOAN-05): the service charge (jasa) of the installments due first,
/// then overdue principal, then the principal falling due on the payment date; any excess prepays later
/// installments in due-date order, each installment's jasa before its principal. All amounts are whole
/// rupiah and add up to <see cref="Amount"/>.
/// </summary>
/// <param name="Date">The payment date.</param>
/// <param name="Amount">The amount paid.</param>
/// <param name="DueServiceCharge">Jasa of installments due on or before the date.</param>
/// <param name="OverduePrincipal">Principal of installments due before the date.</param>
/// <param name="CurrentPrincipal">Principal of the installment due on the date.</param>
/// <param name="PrepaidServiceCharge">Jasa of installments not yet due, paid in advance.</param>
/// <param name="PrepaidPrincipal">Principal of installments not yet due, paid in advance.</param>
public sealed record PaymentAllocation(
    LocalDate Date,
    Rupiah Amount,
    Rupiah DueServiceCharge,
    Rupiah OverduePrincipal,
    Rupiah CurrentPrincipal,
    Rupiah PrepaidServiceCharge,
    Rupiah PrepaidPrincipal)
{
    /// <summary>All jasa in the payment (due and prepaid): income of the loan fund.</summary>
    public Rupiah ServiceCharge => DueServiceCharge + PrepaidServiceCharge;

    /// <summary>All principal in the payment: it returns to the loan fund (LOAN-09).</summary>
    public Rupiah Principal => OverduePrincipal + CurrentPrincipal + PrepaidPrincipal;
}

/// <summary>A payment recorded on a loan, with its allocation.</summary>
/// <param name="Date">The payment date.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Source">Who paid.</param>
/// <param name="Allocation">How it was allocated.</param>
public sealed record RecordedPayment(LocalDate Date, Rupiah Amount, PaymentSource Source, PaymentAllocation Allocation);
