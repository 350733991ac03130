namespace MailMerge.Api;

/// <summary>One HTTP route of the API: the function name, the verb and the route template (below /api).</summary>
public sealed record ApiRoute(string Name, string Method, string Template, bool Anonymous = false)
{
    /// <summary>Every route both hosts serve. The Functions app's triggers and the local host are tested against this list.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("Health", "GET", "health", Anonymous: true),
        new("PutTemplate", "PUT", "templates/{name}"),
        new("PutRecipientList", "PUT", "recipient-lists/{name}"),
        new("CreateCampaign", "POST", "campaigns"),
        new("GetCampaign", "GET", "campaigns/{id}"),
        new("GetCampaignRecipients", "GET", "campaigns/{id}/recipients"),
        new("PreviewCampaign", "GET", "campaigns/{id}/preview"),
        new("SendTestMessage", "POST", "campaigns/{id}/test"),
        new("UpdateCampaign", "PATCH", "campaigns/{id}"),
        new("GetCampaignSummary", "GET", "campaigns/{id}/summary"),
        new("StartCampaign", "POST", "campaigns/{id}/start"),
        new("RescheduleCampaign", "POST", "campaigns/{id}/reschedule"),
        new("PauseCampaign", "POST", "campaigns/{id}/pause"),
        new("ResumeCampaign", "POST", "campaigns/{id}/resume"),
        new("CancelCampaign", "POST", "campaigns/{id}/cancel"),
        new("ListSuppressions", "GET", "suppressions"),
        new("AddSuppressions", "POST", "suppressions"),
        new("GetSuppression", "GET", "suppressions/{address}"),
        new("PutSuppression", "PUT", "suppressions/{address}"),
        new("DeleteSuppression", "DELETE", "suppressions/{address}"),
        new("GetCampaignReport", "GET", "campaigns/{id}/report"),
        new("RetryFailed", "POST", "campaigns/{id}/retry-failed"),
        new("PutLetterTemplate", "PUT", "letter-templates/{name}"),
        new("GetLetterTemplate", "GET", "letter-templates/{name}"),
        new("CreateLetterBatch", "POST", "letter-batches"),
        new("PreviewLetterBatch", "POST", "letter-batches/preview"),
        new("GetLetterBatch", "GET", "letter-batches/{id}"),
        new("GetLetterDocuments", "GET", "letter-batches/{id}/documents"),
        new("GetLetterDocument", "GET", "letter-batches/{id}/documents/{file}"),
        new("GetDispatchList", "GET", "letter-batches/{id}/dispatch-list"),
        new("GetJournalEntries", "GET", "journals/{name}/entries"),
        new("CreateCompany", "POST", "contacts/companies"),
        new("GetCompany", "GET", "contacts/companies/{id}"),
        new("PutCompany", "PUT", "contacts/companies/{id}"),
        new("DeleteCompany", "DELETE", "contacts/companies/{id}"),
        new("GetCompanyPersons", "GET", "contacts/companies/{id}/persons"),
        new("CreatePerson", "POST", "contacts/persons"),
        new("GetPerson", "GET", "contacts/persons/{id}"),
        new("PutPerson", "PUT", "contacts/persons/{id}"),
        new("DeletePerson", "DELETE", "contacts/persons/{id}"),
        new("SearchContacts", "GET", "contacts/search"),
        new("ImportContacts", "POST", "contacts/import"),
        new("ResolveContacts", "POST", "contacts/resolve"),
    ];
}
