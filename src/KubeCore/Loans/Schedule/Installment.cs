using KubeCore.Common;
using NodaTime;

namespace KubeCore.Loans;

/// <summary>One installment (angsuran) of a repayment schedule: principal (pokok) plus service charge (jasa).</summary>
/// <param name="Number">The installment number, from 1.</param>
/// <param name="DueDate">The date it falls due, computed from the disbursement date (never chained).</param>
/// <param name="Principal">The principal part, in whole rupiah.</param>
/// <param name="ServiceCharge">The service charge (jasa) part, in whole rupiah.</param>
public readonly record struct Installment(int Number, LocalDate DueDate, Rupiah Principal, Rupiah ServiceCharge)
{
    /// <summary>The amount due: principal plus service charge.</summary>
    public Rupiah Amount => Principal + ServiceCharge;
}
