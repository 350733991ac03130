using MailMerge.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MailMerge.Functions;

/// <summary>The HTTP triggers: one line each around the handlers the local host calls too.</summary>
public sealed class HttpFunctions(
    CampaignApi campaigns, TemplateApi templates, UploadApi uploads, SuppressionApi suppressions, DeliveryApi delivery, LetterTemplateApi letterTemplates,
    LetterBatchApi letters, JournalApi journals, CampaignControlApi control, ContactApi contacts, AttachmentApi attachments, ArchiveApi archive, HealthApi health)
{
    /// <summary>GET /api/health.</summary>
    [Function("Health")]
    public async Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new ResultAction(await health.GetAsync(request.HttpContext.RequestAborted));

    /// <summary>GET /api/templates.</summary>
    [Function("ListTemplates")]
    public async Task<IActionResult> ListTemplates([HttpTrigger(AuthorizationLevel.Function, "get", Route = "templates")] HttpRequest request) =>
        new ResultAction(await templates.ListAsync(request, request.HttpContext.RequestAborted));

    /// <summary>GET /api/templates/{name}.</summary>
    [Function("GetTemplate")]
    public async Task<IActionResult> GetTemplate([HttpTrigger(AuthorizationLevel.Function, "get", Route = "templates/{name}")] HttpRequest request, string name) =>
        new ResultAction(await templates.GetAsync(request, name, request.HttpContext.RequestAborted));

    /// <summary>PUT /api/templates/{name}.</summary>
    [Function("PutTemplate")]
    public async Task<IActionResult> PutTemplate([HttpTrigger(AuthorizationLevel.Function, "put", Route = "templates/{name}")] HttpRequest request, string name) =>
        new ResultAction(await templates.PutAsync(request, name, request.HttpContext.RequestAborted));

    /// <summary>DELETE /api/templates/{name}.</summary>
    [Function("DeleteTemplate")]
    public async Task<IActionResult> DeleteTemplate([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "templates/{name}")] HttpRequest request, string name) =>
        new ResultAction(await templates.DeleteAsync(request, name, request.HttpContext.RequestAborted));

    /// <summary>PUT /api/recipient-lists/{name}.</summary>
    [Function("PutRecipientList")]
    public async Task<IActionResult> PutRecipientList([HttpTrigger(AuthorizationLevel.Function, "put", Route = "recipient-lists/{name}")] HttpRequest request, string name) =>
        new ResultAction(await uploads.PutRecipientListAsync(request, name, request.HttpContext.RequestAborted));

    /// <summary>GET /api/attachments.</summary>
    [Function("ListAttachments")]
    public async Task<IActionResult> ListAttachments([HttpTrigger(AuthorizationLevel.Function, "get", Route = "attachments")] HttpRequest request) =>
        new ResultAction(await attachments.ListAsync(request.HttpContext.RequestAborted));

    /// <summary>PUT /api/attachments/{name}.</summary>
    [Function("PutAttachment")]
    public async Task<IActionResult> PutAttachment([HttpTrigger(AuthorizationLevel.Function, "put", Route = "attachments/{name}")] HttpRequest request, string name) =>
        new ResultAction(await attachments.PutAsync(request, name, request.HttpContext.RequestAborted));

    /// <summary>GET /api/attachments/{name}.</summary>
    [Function("GetAttachment")]
    public async Task<IActionResult> GetAttachment([HttpTrigger(AuthorizationLevel.Function, "get", Route = "attachments/{name}")] HttpRequest request, string name) =>
        new ResultAction(await attachments.GetAsync(request, name, request.HttpContext.RequestAborted));

    /// <summary>DELETE /api/attachments/{name}.</summary>
    [Function("DeleteAttachment")]
    public async Task<IActionResult> DeleteAttachment([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "attachments/{name}")] HttpRequest request, string name) =>
        new ResultAction(await attachments.DeleteAsync(name, request.HttpContext.RequestAborted));

    /// <summary>POST /api/campaigns.</summary>
    [Function("CreateCampaign")]
    public async Task<IActionResult> CreateCampaign([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await campaigns.CreateAsync(request, durable, request.HttpContext.RequestAborted));

    /// <summary>GET /api/campaigns/{id}.</summary>
    [Function("GetCampaign")]
    public async Task<IActionResult> GetCampaign([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await campaigns.GetAsync(id, durable, request.HttpContext.RequestAborted));

    /// <summary>GET /api/campaigns/{id}/recipients.</summary>
    [Function("GetCampaignRecipients")]
    public async Task<IActionResult> GetCampaignRecipients([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns/{id}/recipients")] HttpRequest request, string id) =>
        new ResultAction(await campaigns.GetRecipientsAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>GET /api/campaigns/{id}/preview.</summary>
    [Function("PreviewCampaign")]
    public async Task<IActionResult> PreviewCampaign([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns/{id}/preview")] HttpRequest request, string id) =>
        new ResultAction(await campaigns.PreviewAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>POST /api/campaigns/{id}/test.</summary>
    [Function("SendTestMessage")]
    public async Task<IActionResult> SendTestMessage([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/test")] HttpRequest request, string id) =>
        new ResultAction(await campaigns.SendTestAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>PATCH /api/campaigns/{id}.</summary>
    [Function("UpdateCampaign")]
    public async Task<IActionResult> UpdateCampaign([HttpTrigger(AuthorizationLevel.Function, "patch", Route = "campaigns/{id}")] HttpRequest request, string id) =>
        new ResultAction(await control.UpdateAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>GET /api/campaigns/{id}/summary.</summary>
    [Function("GetCampaignSummary")]
    public async Task<IActionResult> GetCampaignSummary([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns/{id}/summary")] HttpRequest request, string id) =>
        new ResultAction(await campaigns.SummaryAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>POST /api/campaigns/{id}/start.</summary>
    [Function("StartCampaign")]
    public async Task<IActionResult> StartCampaign([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/start")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await control.StartAsync(request, id, durable, request.HttpContext.RequestAborted));

    /// <summary>POST /api/campaigns/{id}/reschedule.</summary>
    [Function("RescheduleCampaign")]
    public async Task<IActionResult> RescheduleCampaign([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/reschedule")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await control.RescheduleAsync(request, id, durable, request.HttpContext.RequestAborted));

    /// <summary>POST /api/campaigns/{id}/pause.</summary>
    [Function("PauseCampaign")]
    public async Task<IActionResult> PauseCampaign([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/pause")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await control.PauseAsync(id, durable, request.HttpContext.RequestAborted));

    /// <summary>POST /api/campaigns/{id}/resume.</summary>
    [Function("ResumeCampaign")]
    public async Task<IActionResult> ResumeCampaign([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/resume")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await control.ResumeAsync(id, durable, request.HttpContext.RequestAborted));

    /// <summary>POST /api/campaigns/{id}/cancel.</summary>
    [Function("CancelCampaign")]
    public async Task<IActionResult> CancelCampaign([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/cancel")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await control.CancelAsync(id, durable, request.HttpContext.RequestAborted));

    /// <summary>GET /api/suppressions.</summary>
    [Function("ListSuppressions")]
    public async Task<IActionResult> ListSuppressions([HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppressions")] HttpRequest request) =>
        new ResultAction(await suppressions.ListAsync(request, request.HttpContext.RequestAborted));

    /// <summary>POST /api/suppressions.</summary>
    [Function("AddSuppressions")]
    public async Task<IActionResult> AddSuppressions([HttpTrigger(AuthorizationLevel.Function, "post", Route = "suppressions")] HttpRequest request) =>
        new ResultAction(await suppressions.AddManyAsync(request, request.HttpContext.RequestAborted));

    /// <summary>GET /api/suppressions/{address}.</summary>
    [Function("GetSuppression")]
    public async Task<IActionResult> GetSuppression([HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppressions/{address}")] HttpRequest request, string address) =>
        new ResultAction(await suppressions.GetAsync(address, request.HttpContext.RequestAborted));

    /// <summary>PUT /api/suppressions/{address}.</summary>
    [Function("PutSuppression")]
    public async Task<IActionResult> PutSuppression([HttpTrigger(AuthorizationLevel.Function, "put", Route = "suppressions/{address}")] HttpRequest request, string address) =>
        new ResultAction(await suppressions.PutAsync(request, address, request.HttpContext.RequestAborted));

    /// <summary>DELETE /api/suppressions/{address}.</summary>
    [Function("DeleteSuppression")]
    public async Task<IActionResult> DeleteSuppression([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "suppressions/{address}")] HttpRequest request, string address) =>
        new ResultAction(await suppressions.DeleteAsync(address, request.HttpContext.RequestAborted));

    /// <summary>GET /api/campaigns/{id}/report.</summary>
    [Function("GetCampaignReport")]
    public async Task<IActionResult> GetCampaignReport([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns/{id}/report")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await delivery.GetReportAsync(id, durable, request.HttpContext.RequestAborted));

    /// <summary>POST /api/campaigns/{id}/retry-failed.</summary>
    [Function("RetryFailed")]
    public async Task<IActionResult> RetryFailed([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/retry-failed")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await delivery.RetryFailedAsync(id, durable, request.HttpContext.RequestAborted));

    /// <summary>GET /api/campaigns/{id}/archive.</summary>
    [Function("GetCampaignArchive")]
    public async Task<IActionResult> GetCampaignArchive([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns/{id}/archive")] HttpRequest request, string id) =>
        new ResultAction(await archive.ListAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>GET /api/campaigns/{id}/archive/{row}.</summary>
    [Function("GetArchivedMessage")]
    public async Task<IActionResult> GetArchivedMessage([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns/{id}/archive/{row}")] HttpRequest request, string id, string row) =>
        new ResultAction(await archive.DownloadAsync(id, row, request.HttpContext.RequestAborted));

    /// <summary>PUT /api/letter-templates/{name}.</summary>
    [Function("PutLetterTemplate")]
    public async Task<IActionResult> PutLetterTemplate([HttpTrigger(AuthorizationLevel.Function, "put", Route = "letter-templates/{name}")] HttpRequest request, string name) =>
        new ResultAction(await letterTemplates.PutAsync(request, name, request.HttpContext.RequestAborted));

    /// <summary>GET /api/letter-templates/{name}.</summary>
    [Function("GetLetterTemplate")]
    public async Task<IActionResult> GetLetterTemplate([HttpTrigger(AuthorizationLevel.Function, "get", Route = "letter-templates/{name}")] HttpRequest request, string name) =>
        new ResultAction(await letterTemplates.GetAsync(request, name, request.HttpContext.RequestAborted));

    /// <summary>POST /api/letter-batches.</summary>
    [Function("CreateLetterBatch")]
    public async Task<IActionResult> CreateLetterBatch([HttpTrigger(AuthorizationLevel.Function, "post", Route = "letter-batches")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await letters.CreateAsync(request, durable, request.HttpContext.RequestAborted));

    /// <summary>POST /api/letter-batches/preview.</summary>
    [Function("PreviewLetterBatch")]
    public async Task<IActionResult> PreviewLetterBatch([HttpTrigger(AuthorizationLevel.Function, "post", Route = "letter-batches/preview")] HttpRequest request) =>
        new ResultAction(await letters.PreviewAsync(request, request.HttpContext.RequestAborted));

    /// <summary>GET /api/letter-batches/{id}.</summary>
    [Function("GetLetterBatch")]
    public async Task<IActionResult> GetLetterBatch([HttpTrigger(AuthorizationLevel.Function, "get", Route = "letter-batches/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAction(await letters.GetAsync(id, durable, request.HttpContext.RequestAborted));

    /// <summary>GET /api/letter-batches/{id}/documents.</summary>
    [Function("GetLetterDocuments")]
    public async Task<IActionResult> GetLetterDocuments([HttpTrigger(AuthorizationLevel.Function, "get", Route = "letter-batches/{id}/documents")] HttpRequest request, string id) =>
        new ResultAction(await letters.GetDocumentsAsync(id, request.HttpContext.RequestAborted));

    /// <summary>GET /api/letter-batches/{id}/documents/{file}.</summary>
    [Function("GetLetterDocument")]
    public async Task<IActionResult> GetLetterDocument([HttpTrigger(AuthorizationLevel.Function, "get", Route = "letter-batches/{id}/documents/{file}")] HttpRequest request, string id, string file) =>
        new ResultAction(await letters.GetDocumentAsync(id, file, request.HttpContext.RequestAborted));

    /// <summary>GET /api/letter-batches/{id}/dispatch-list.</summary>
    [Function("GetDispatchList")]
    public async Task<IActionResult> GetDispatchList([HttpTrigger(AuthorizationLevel.Function, "get", Route = "letter-batches/{id}/dispatch-list")] HttpRequest request, string id) =>
        new ResultAction(await letters.GetDispatchListAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>GET /api/journals/{name}/entries.</summary>
    [Function("GetJournalEntries")]
    public async Task<IActionResult> GetJournalEntries([HttpTrigger(AuthorizationLevel.Function, "get", Route = "journals/{name}/entries")] HttpRequest request, string name) =>
        new ResultAction(await journals.GetEntriesAsync(request, name, request.HttpContext.RequestAborted));

    /// <summary>POST /api/contacts/companies.</summary>
    [Function("CreateCompany")]
    public async Task<IActionResult> CreateCompany([HttpTrigger(AuthorizationLevel.Function, "post", Route = "contacts/companies")] HttpRequest request) =>
        new ResultAction(await contacts.CreateCompanyAsync(request, request.HttpContext.RequestAborted));

    /// <summary>GET /api/contacts/companies/{id}.</summary>
    [Function("GetCompany")]
    public async Task<IActionResult> GetCompany([HttpTrigger(AuthorizationLevel.Function, "get", Route = "contacts/companies/{id}")] HttpRequest request, string id) =>
        new ResultAction(await contacts.GetCompanyAsync(id, request.HttpContext.RequestAborted));

    /// <summary>PUT /api/contacts/companies/{id}.</summary>
    [Function("PutCompany")]
    public async Task<IActionResult> PutCompany([HttpTrigger(AuthorizationLevel.Function, "put", Route = "contacts/companies/{id}")] HttpRequest request, string id) =>
        new ResultAction(await contacts.PutCompanyAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>DELETE /api/contacts/companies/{id}.</summary>
    [Function("DeleteCompany")]
    public async Task<IActionResult> DeleteCompany([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "contacts/companies/{id}")] HttpRequest request, string id) =>
        new ResultAction(await contacts.DeleteCompanyAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>GET /api/contacts/companies/{id}/persons.</summary>
    [Function("GetCompanyPersons")]
    public async Task<IActionResult> GetCompanyPersons([HttpTrigger(AuthorizationLevel.Function, "get", Route = "contacts/companies/{id}/persons")] HttpRequest request, string id) =>
        new ResultAction(await contacts.GetCompanyPersonsAsync(id, request.HttpContext.RequestAborted));

    /// <summary>POST /api/contacts/persons.</summary>
    [Function("CreatePerson")]
    public async Task<IActionResult> CreatePerson([HttpTrigger(AuthorizationLevel.Function, "post", Route = "contacts/persons")] HttpRequest request) =>
        new ResultAction(await contacts.CreatePersonAsync(request, request.HttpContext.RequestAborted));

    /// <summary>GET /api/contacts/persons/{id}.</summary>
    [Function("GetPerson")]
    public async Task<IActionResult> GetPerson([HttpTrigger(AuthorizationLevel.Function, "get", Route = "contacts/persons/{id}")] HttpRequest request, string id) =>
        new ResultAction(await contacts.GetPersonAsync(id, request.HttpContext.RequestAborted));

    /// <summary>PUT /api/contacts/persons/{id}.</summary>
    [Function("PutPerson")]
    public async Task<IActionResult> PutPerson([HttpTrigger(AuthorizationLevel.Function, "put", Route = "contacts/persons/{id}")] HttpRequest request, string id) =>
        new ResultAction(await contacts.PutPersonAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>DELETE /api/contacts/persons/{id}.</summary>
    [Function("DeletePerson")]
    public async Task<IActionResult> DeletePerson([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "contacts/persons/{id}")] HttpRequest request, string id) =>
        new ResultAction(await contacts.DeletePersonAsync(id, request.HttpContext.RequestAborted));

    /// <summary>GET /api/contacts/search.</summary>
    [Function("SearchContacts")]
    public async Task<IActionResult> SearchContacts([HttpTrigger(AuthorizationLevel.Function, "get", Route = "contacts/search")] HttpRequest request) =>
        new ResultAction(await contacts.SearchAsync(request, request.HttpContext.RequestAborted));

    /// <summary>POST /api/contacts/import.</summary>
    [Function("ImportContacts")]
    public async Task<IActionResult> ImportContacts([HttpTrigger(AuthorizationLevel.Function, "post", Route = "contacts/import")] HttpRequest request) =>
        new ResultAction(await contacts.ImportAsync(request, request.HttpContext.RequestAborted));

    /// <summary>POST /api/contacts/resolve.</summary>
    [Function("ResolveContacts")]
    public async Task<IActionResult> ResolveContacts([HttpTrigger(AuthorizationLevel.Function, "post", Route = "contacts/resolve")] HttpRequest request) =>
        new ResultAction(await contacts.ResolveAsync(request, request.HttpContext.RequestAborted));
}
