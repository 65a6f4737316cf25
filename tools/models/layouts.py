"""Grid layouts of the BPMN models (see bpmn_layout.py). Columns are 150 px apart; rows and lanes are y values."""

# complaint-handling: main path on row A; tasks for departments, consultation and the disputed resolution above (U);
# the malicious route, reopening, the customer's information and the revision/escalation loops below (B); the legal
# route at the bottom. Lanes carry the long loops.
U, A, B, LEGAL, BATCH = 160, 320, 470, 620, 640

COMPLAINT_HANDLING = {
    'rows': {'U': U, 'A': A, 'B': B, 'LEGAL': LEGAL, 'BATCH': BATCH},
    'cells': {
        'CallActivity_AskDepartments': (16, 'U'),
        'CallActivity_JointConsultation': (17, 'U'),
        'Task_ResumeSlaAfterDispute': (32, 'U'),
        'Task_StartAccountabilityReview': (38, 'U'),

        'StartEvent_ComplaintReceived': (0, 'A'),
        'IntermediateEvent_AcknowledgementSent': (1, 'A'),
        'Task_RegisterComplaint': (2, 'A'),
        'Gateway_SuspectedMalicious': (3, 'A'),
        'Gateway_JoinGoodFaith': (4, 'A'),
        'Task_DetermineCategory': (5, 'A'),
        'Task_AssessSeverity': (6, 'A'),
        'Task_RecordClassification': (8, 'A'),
        'Task_CheckBatchComplaints': (9, 'A'),
        'Gateway_ResolvableAtFirstContact': (11, 'A'),
        'IntermediateEvent_ReplyPromiseSent': (12, 'A'),
        'Gateway_JoinInvestigation': (13, 'A'),
        'Gateway_JoinFurtherInvestigation': (14, 'A'),
        'Task_InvestigateComplaint': (15, 'A'),
        'Gateway_InvestigationNextStep': (16, 'A'),
        'Gateway_JointConsultationNeeded': (17, 'A'),
        'Gateway_JoinConsultation': (18, 'A'),
        'Gateway_JoinProposal': (19, 'A'),
        'Task_ProposeRemedy': (20, 'A'),
        'Gateway_JoinApproval': (21, 'A'),
        'CallActivity_ApproveRemedy': (22, 'A'),
        'Gateway_RemedyApproved': (23, 'A'),
        'IntermediateEvent_RemedyProposalSent': (24, 'A'),
        'Task_AgreeRemedyWithCustomer': (25, 'A'),
        'Gateway_RemedyAccepted': (26, 'A'),
        'Task_CarryOutRemedy': (27, 'A'),
        'IntermediateEvent_ConfirmationRequestSent': (28, 'A'),
        'Task_PauseSlaForConfirmation': (29, 'A'),
        'Task_ConfirmResolution': (30, 'A'),
        'Gateway_JoinConfirmation': (31, 'A'),
        'Gateway_ResolutionConfirmed': (32, 'A'),
        'Task_CloseComplaint': (33, 'A'),
        'IntermediateEvent_ClosureNoticeSent': (34, 'A'),
        'Task_ScheduleRevisit': (35, 'A'),
        'Task_DetermineAccountability': (36, 'A'),
        'Gateway_AccountabilityNeeded': (37, 'A'),
        'Gateway_JoinAccountability': (39, 'A'),
        'EndEvent_ComplaintClosed': (40, 'A'),

        'Task_ReviewSuspectedMalicious': (3, 'B'),
        'Gateway_MaliciousConfirmed': (4, 'B'),
        'Gateway_LegalActionNeeded': (5, 'B'),
        'Task_GiveFirmReply': (6, 'B'),
        'IntermediateEvent_FirmReplySent': (7, 'B'),
        'Task_CloseAsMalicious': (8, 'B'),
        'EndEvent_MaliciousComplaintClosed': (11, 'B'),
        'StartEvent_ComplaintReopened': (13, 'B'),
        'CallActivity_AskCustomer': (16, 'B'),
        'Gateway_JoinRevision': (19, 'B'),
        'Gateway_RejectedRemedyProposer': (23, 'B'),
        'Gateway_DeclinedNextStep': (26, 'B'),
        'Gateway_JoinEscalationDecision': (27, 'B'),
        'Task_DecideEscalatedComplaint': (29, 'B'),
        'Gateway_EscalationDecision': (30, 'B'),

        'Gateway_JoinLegalRoute': (5, 'LEGAL'),
        'Task_RecordLegalReferral': (6, 'LEGAL'),
        'Task_CloseAsLegal': (8, 'LEGAL'),
        'IntermediateEvent_LegalClosureNoticeSent': (10, 'LEGAL'),
        'EndEvent_ComplaintReferredToLegal': (11, 'LEGAL'),

        'StartEvent_BatchIncidentResolved': (33, 'BATCH'),
        'Task_CloseWithBatchIncident': (35, 'BATCH'),
        'IntermediateEvent_BatchResolutionSent': (36, 'BATCH'),
        'Task_ScheduleRevisitAfterBatch': (37, 'BATCH'),
        'EndEvent_ClosedWithBatchIncident': (38, 'BATCH'),
    },
    'routes': {
        'SequenceFlow_ResolvableAtFirstContactYes': ('top', 70, 'top'),
        'SequenceFlow_DisputeToInvestigation': ('top', 20, 'top'),
        'SequenceFlow_DepartmentsReplied': ('left', None, 'top'),
        'SequenceFlow_CustomerAnswered': ('left', None, 'bottom'),
        'SequenceFlow_ConsultationConcluded': ('right', None, 'top'),
        'SequenceFlow_RejectedRemedyBySupervisor': ('bottom', 600, 'bottom'),
        'SequenceFlow_DeclinedNextStepNewProposal': ('bottom', 560, 'bottom'),
        'SequenceFlow_EscalationDecisionNewRemedy': ('top', 400, 'bottom'),
        'SequenceFlow_EscalationDecisionLegal': ('bottom', 720, 'bottom'),
        'SequenceFlow_ConfirmedOnline': ('bottom', 385, 'bottom'),
    },
    'boundaries': {'BoundaryEvent_ResolutionConfirmedByCustomer': 0.3},
}

REMEDY_APPROVAL = {
    'rows': {'U': 100, 'A': 240, 'B': 380},
    'cells': {
        'StartEvent_RemedyProposed': (0, 'A'),
        'Task_DetermineRemedyAuthority': (1, 'A'),
        'Task_CheckProposerAuthority': (2, 'A'),
        'Gateway_WithinProposerAuthority': (3, 'A'),
        'EndEvent_RemedyWithinAuthority': (3, 'U'),
        'Gateway_JoinApproval': (4, 'A'),
        'IntermediateEvent_ApprovalRequested': (5, 'A'),
        'Task_ApproveRemedy': (6, 'A'),
        'Gateway_ApprovalDecision': (7, 'A'),
        'EndEvent_RemedyApproved': (8, 'A'),
        'EndEvent_RemedyRejected': (7, 'B'),
    },
    'routes': {'SequenceFlow_ApprovalDecisionEndorse': ('top', 170, 'top')},
}

DEPARTMENT_LINKAGE = {
    'rows': {'A': 120, 'B': 260, 'C': 380},
    'cells': {
        'StartEvent_InquirySent': (0, 'A'),
        'Task_OpenInquiry': (1, 'A'),
        'IntermediateEvent_InquirySentToDepartment': (2, 'A'),
        'Task_ReplyToInquiry': (3, 'A'),
        'Task_RateDepartmentReply': (4, 'A'),
        'EndEvent_InquiryAnswered': (5, 'A'),
        'Task_RemindDepartment': (4, 'B'),
        'IntermediateEvent_DepartmentReminderSent': (5, 'B'),
        'EndEvent_DepartmentReminded': (6, 'B'),
        'Task_FlagOverdueInquiry': (4, 'C'),
        'IntermediateEvent_OverdueReportedToHead': (5, 'C'),
        'EndEvent_OverdueFlagged': (6, 'C'),
    },
    'boundaries': {'BoundaryEvent_ReplyReminderDue': 0.75, 'BoundaryEvent_ReplyOverdue': 0.25},
}

JOINT_CONSULTATION = {
    'rows': {'A': 120},
    'cells': {
        'StartEvent_ConsultationRequested': (0, 'A'),
        'Task_StartConsultation': (1, 'A'),
        'Task_GiveConsultationFindings': (2, 'A'),
        'Task_ConcludeConsultation': (3, 'A'),
        'EndEvent_ConsultationConcluded': (4, 'A'),
    },
}

CUSTOMER_INFORMATION = {
    'rows': {'A': 120, 'B': 250},
    'cells': {
        'StartEvent_InformationNeeded': (0, 'A'),
        'Task_RequestCustomerInformation': (1, 'A'),
        'Task_PauseSlaClock': (2, 'A'),
        'Gateway_AwaitCustomer': (3, 'A'),
        'IntermediateEvent_InformationReceived': (4, 'A'),
        'IntermediateEvent_InformationWaitOver': (4, 'B'),
        'Gateway_JoinCustomerAnswer': (5, 'A'),
        'Task_ResumeSlaClock': (6, 'A'),
        'EndEvent_InvestigationContinues': (7, 'A'),
    },
    'routes': {'SequenceFlow_InformationWaitOver': ('right', None, 'bottom')},
}

LAYOUTS = {'complaint-handling': COMPLAINT_HANDLING, 'remedy-approval': REMEDY_APPROVAL,
           'department-linkage': DEPARTMENT_LINKAGE, 'joint-consultation': JOINT_CONSULTATION,
           'customer-information': CUSTOMER_INFORMATION}

F, R1, R2, R3, E = 130, 360, 500, 640, 860

COMPLAINT_ESCALATION = {
    'rows': {'F': F, 'R1': R1, 'R2': R2, 'R3': R3, 'E': E},
    'cells': {
        'StartEvent_ComplaintReceived': (0, 'R1'),
        'Gateway_StartClocks': (1, 'R1'),
        'StartEvent_FirstResponseClockStarted': (2, 'F'),
        'IntermediateEvent_FirstResponseDue': (3, 'F'),
        'Task_RecordFirstResponseBreach': (4, 'F'),
        'IntermediateEvent_FirstResponseBreachReported': (5, 'F'),
        'EndEvent_FirstResponseOverdue': (6, 'F'),
        'Gateway_JoinFirstResponse': (8, 'F'),
        'StartEvent_ResolutionClockStarted': (2, 'R1'),
        'IntermediateEvent_ResolutionDue': (3, 'R1'),
        'Task_RecordResolutionBreach': (4, 'R1'),
        'Task_EscalateToSupervisor': (5, 'R1'),
        'IntermediateEvent_SupervisorAlerted': (6, 'R1'),
        'Gateway_SupervisorBroughtIn': (7, 'R1'),
        'Task_SuperviseAsSupervisor': (8, 'R1'),
        'EndEvent_SupervisorSupervised': (9, 'R1'),
        'IntermediateEvent_ManagerEscalationDue': (8, 'R2'),
        'Task_EscalateToManager': (9, 'R2'),
        'IntermediateEvent_ManagerAlerted': (10, 'R2'),
        'Gateway_ManagerBroughtIn': (11, 'R2'),
        'Task_SuperviseAsManager': (12, 'R2'),
        'EndEvent_ManagerSupervised': (13, 'R2'),
        'IntermediateEvent_DirectorEscalationDue': (12, 'R3'),
        'Task_EscalateToDirector': (13, 'R3'),
        'IntermediateEvent_DirectorAlerted': (14, 'R3'),
        'Task_SuperviseAsDirector': (15, 'R3'),
        'EndEvent_DirectorSupervised': (16, 'R3'),
        'Gateway_JoinResolution': (18, 'R1'),
        'Gateway_JoinClocks': (19, 'R1'),
        'EndEvent_ClocksStopped': (20, 'R1'),
        'StartEvent_EscalationDemanded': (2, 'E'),
        'Task_EscalateToManagerOnDemand': (3, 'E'),
        'IntermediateEvent_ManagerAlertedOnDemand': (4, 'E'),
        'Task_HandleDemandedEscalation': (5, 'E'),
        'EndEvent_DemandedEscalationHandled': (6, 'E'),
    },
    'routes': {
        'SequenceFlow_ToFirstResponseClock': ('top', None, 'left'),
        'SequenceFlow_FirstResponded': ('bottom', 235, 'bottom'),
        'SequenceFlow_FirstResponseClockStopped': ('right', None, 'top'),
        'SequenceFlow_ComplaintClosed': ('bottom', 740, 'bottom'),
    },
    'boundaries': {'BoundaryEvent_FirstResponded': 0.85, 'BoundaryEvent_ComplaintClosed': 0.92},
}

LAYOUTS['complaint-escalation'] = COMPLAINT_ESCALATION

ACCOUNTABILITY_REVIEW = {
    'rows': {'U': 100, 'A': 230, 'B': 370, 'C': 490},
    'cells': {
        'StartEvent_ReviewNeeded': (0, 'A'),
        'Task_OpenAccountabilityReview': (1, 'A'),
        'Gateway_JoinRecord': (2, 'A'),
        'Task_RecordAccountability': (3, 'A'),
        'Task_SignOffAccountability': (4, 'A'),
        'Gateway_SignedOff': (5, 'A'),
        'Task_CompleteCorrectiveAction': (6, 'A'),
        'EndEvent_CorrectiveActionDone': (7, 'A'),
        'Task_RemindCorrectiveAction': (7, 'B'),
        'IntermediateEvent_ActionReminderSent': (8, 'B'),
        'EndEvent_DepartmentRemindedOfAction': (9, 'B'),
        'Task_FlagCorrectiveActionOverdue': (7, 'C'),
        'IntermediateEvent_ActionOverdueReported': (8, 'C'),
        'EndEvent_ActionOverdueFlagged': (9, 'C'),
    },
    'routes': {'SequenceFlow_SignOffReturned': ('top', 140, 'top')},
    'boundaries': {'BoundaryEvent_ActionReminderDue': 0.75, 'BoundaryEvent_ActionOverdue': 0.25},
}

LAYOUTS['accountability-review'] = ACCOUNTABILITY_REVIEW

COMPLAINT_REVISIT = {
    'rows': {'U': 110, 'A': 250, 'B': 400, 'C': 530},
    'cells': {
        'StartEvent_ComplaintClosed': (0, 'A'),
        'IntermediateEvent_RevisitDue': (1, 'A'),
        'Task_PrepareRevisit': (2, 'A'),
        'Gateway_StillClosed': (3, 'A'),
        'EndEvent_RevisitCancelled': (3, 'C'),
        'Gateway_RevisitMethod': (4, 'A'),
        'Task_SendSurvey': (5, 'U'),
        'Gateway_AwaitSurvey': (6, 'U'),
        'IntermediateEvent_SurveyAnswered': (7, 'U'),
        'IntermediateEvent_SurveyUnanswered': (7, 'B'),
        'Gateway_JoinStaffRevisit': (8, 'B'),
        'Task_RevisitCustomer': (9, 'B'),
        'Gateway_CustomerReached': (10, 'B'),
        'EndEvent_CustomerNotReached': (10, 'C'),
        'Gateway_JoinAnswer': (11, 'A'),
        'Task_EvaluateRevisit': (12, 'A'),
        'Gateway_CustomerSatisfied': (13, 'A'),
        'EndEvent_CustomerSatisfied': (14, 'U'),
        'Task_StartUnsatisfiedAccountability': (14, 'A'),
        'Gateway_UnsatisfiedRoute': (15, 'A'),
        'Task_ReviewUnsatisfiedRevisit': (16, 'B'),
        'Gateway_ReviewDecision': (17, 'B'),
        'EndEvent_ClosureUpheld': (17, 'C'),
        'Gateway_JoinReopen': (17, 'A'),
        'Task_ReopenComplaint': (18, 'A'),
        'EndEvent_ComplaintReopened': (19, 'A'),
    },
    'routes': {
        'SequenceFlow_RevisitMethodStaff': ('bottom', 470, 'bottom'),
        'SequenceFlow_CustomerSatisfiedYes': ('top', None, 'left'),
        'SequenceFlow_SurveyAnswered': ('right', None, 'top'),
        'SequenceFlow_CustomerReachedYes': ('top', None, 'left'),
    },
}

LAYOUTS['complaint-revisit'] = COMPLAINT_REVISIT

BATCH_INCIDENT = {
    'rows': {'A': 200},
    'cells': {
        'StartEvent_BatchDetected': (0, 'A'),
        'Task_AlertDepartment': (1, 'A'),
        'Task_PrepareScriptedAnswer': (2, 'A'),
        'Task_BroadcastScriptedAnswer': (3, 'A'),
        'Gateway_JoinResolution': (4, 'A'),
        'Task_ResolveBatchIssue': (5, 'A'),
        'Task_ConfirmBatchClosure': (6, 'A'),
        'Gateway_ClosureConfirmed': (7, 'A'),
        'Task_CloseBatchIncident': (8, 'A'),
        'Task_StartBatchAccountability': (9, 'A'),
        'EndEvent_BatchIncidentClosed': (10, 'A'),
    },
    'routes': {'SequenceFlow_ClosureReturned': ('top', 110, 'top')},
}

LAYOUTS['batch-incident'] = BATCH_INCIDENT

HOT_SPOT_ANALYSIS = {
    'rows': {'U': 70, 'A': 240, 'R': 380, 'O': 500},
    'cells': {
        'StartEvent_MonthStarted': (0, 'A'),
        'StartEvent_AnalysisRequested': (0, 'R'),
        'Gateway_JoinAnalysisStart': (1, 'A'),
        'Task_GenerateReport': (2, 'A'),
        'Task_HoldJointMeeting': (3, 'A'),
        'Gateway_ProjectsDecided': (4, 'A'),
        'EndEvent_AnalysisDiscussed': (5, 'U'),
        'StartEvent_ProjectStarted': (5, 'A'),
        'Task_OpenProject': (6, 'A'),
        'Task_ReportProjectResult': (7, 'A'),
        'EndEvent_ProjectCompleted': (11, 'A'),
        'Task_RemindProjectDepartment': (8, 'R'),
        'IntermediateEvent_ProjectReminderSent': (9, 'R'),
        'EndEvent_ProjectDepartmentReminded': (10, 'R'),
        'Task_FlagOverdueProject': (8, 'O'),
        'IntermediateEvent_OverdueProjectReported': (9, 'O'),
        'Task_SuperviseOverdueProject': (10, 'O'),
        'EndEvent_OverdueProjectSupervised': (11, 'O'),
        'EndEvent_ProjectsCompleted': (13, 'A'),
    },
    'routes': {'SequenceFlow_AnalysisRequested': ('right', None, 'bottom'),
               'SequenceFlow_ProjectsDecidedNo': ('top', None, 'left')},
    'boundaries': {'BoundaryEvent_ProjectReminderDue': 0.75, 'BoundaryEvent_ProjectOverdue': 0.25},
}

LAYOUTS['hot-spot-analysis'] = HOT_SPOT_ANALYSIS

CASE_REVIEW = {
    'rows': {'U': 60, 'A': 180, 'B': 320},
    'cells': {
        'StartEvent_CaseNominated': (0, 'A'),
        'Gateway_JoinReview': (1, 'A'),
        'Task_ReviewCase': (2, 'A'),
        'Gateway_CaseReviewDecision': (3, 'A'),
        'EndEvent_CaseApproved': (5, 'A'),
        'Task_ReworkCase': (3, 'B'),
        'EndEvent_CaseRejected': (5, 'U'),
    },
    'routes': {'SequenceFlow_CaseReworked': ('left', None, 'bottom'),
               'SequenceFlow_CaseRejected': ('top', None, 'left')},
}

LAYOUTS['case-review'] = CASE_REVIEW

LAUNCH_REVIEW = {
    'rows': {'A': 120, 'B': 260, 'C': 390},
    'cells': {
        'StartEvent_LaunchReviewSubmitted': (0, 'A'),
        'Task_ListPastComplaints': (1, 'A'),
        'Task_ReviewLaunch': (2, 'A'),
        'Gateway_ImprovementsRequested': (3, 'A'),
        'Task_RespondToImprovements': (4, 'B'),
        'Task_RemindProductDepartment': (5, 'C'),
        'IntermediateEvent_ProductDepartmentReminderSent': (6, 'C'),
        'EndEvent_ProductDepartmentReminded': (7, 'C'),
        'Gateway_JoinPlanning': (6, 'A'),
        'Task_RecordHandlingPlan': (7, 'A'),
        'Task_RegisterHandlingPlan': (8, 'A'),
        'EndEvent_HandlingPlanRegistered': (9, 'A'),
    },
    'routes': {'SequenceFlow_ImprovementsRequestedYes': ('bottom', None, 'left'),
               'SequenceFlow_ImprovementsAnswered': ('right', None, 'bottom')},
    'boundaries': {'BoundaryEvent_ResponseReminderDue': 0.75},
}

LAYOUTS['launch-review'] = LAUNCH_REVIEW
