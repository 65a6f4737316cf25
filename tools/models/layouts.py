"""Grid layouts of the BPMN models (see bpmn_layout.py). Columns are 150 px apart; rows and lanes are y values."""

A, B, C = 180, 370, 520          # rows: main path, alternative paths, legal route

COMPLAINT_HANDLING = {
    'rows': {'A': A, 'B': B, 'C': C},
    'cells': {
        'StartEvent_ComplaintReceived': (0, 'A'),
        'Task_RegisterComplaint': (1, 'A'),
        'Gateway_SuspectedMalicious': (2, 'A'),
        'Gateway_JoinGoodFaith': (3, 'A'),
        'Task_DetermineCategory': (4, 'A'),
        'Task_AssessSeverity': (5, 'A'),
        'Task_RecordClassification': (6, 'A'),
        'Gateway_ResolvableAtFirstContact': (7, 'A'),
        'Gateway_JoinInvestigation': (8, 'A'),
        'Task_InvestigateComplaint': (9, 'A'),
        'Gateway_JoinProposal': (10, 'A'),
        'Task_ProposeRemedy': (11, 'A'),
        'Gateway_JoinNegotiation': (12, 'A'),
        'Task_AgreeRemedyWithCustomer': (13, 'A'),
        'Gateway_RemedyAccepted': (14, 'A'),
        'Task_CarryOutRemedy': (15, 'A'),
        'Task_ConfirmResolution': (16, 'A'),
        'Gateway_JoinConfirmation': (17, 'A'),
        'Gateway_ResolutionConfirmed': (18, 'A'),
        'Task_CloseComplaint': (19, 'A'),
        'EndEvent_ComplaintClosed': (20, 'A'),

        'Task_ReviewSuspectedMalicious': (2, 'B'),
        'Gateway_MaliciousConfirmed': (3, 'B'),
        'Gateway_LegalActionNeeded': (4, 'B'),
        'Task_GiveFirmReply': (5, 'B'),
        'Task_CloseAsMalicious': (6, 'B'),
        'EndEvent_MaliciousComplaintClosed': (7, 'B'),
        'StartEvent_ComplaintReopened': (8, 'B'),
        'Gateway_DeclinedNextStep': (14, 'B'),
        'Task_DecideEscalatedComplaint': (15, 'B'),
        'Gateway_EscalationDecision': (16, 'B'),

        'Gateway_JoinLegalRoute': (4, 'C'),
        'Task_RecordLegalReferral': (5, 'C'),
        'Task_CloseAsLegal': (6, 'C'),
        'EndEvent_ComplaintReferredToLegal': (7, 'C'),
    },
    'routes': {
        'SequenceFlow_ResolvableAtFirstContactYes': ('top', 95, 'top'),
        'SequenceFlow_ResolutionConfirmedNo': ('top', 40, 'top'),
        'SequenceFlow_DeclinedNextStepNewProposal': ('left', None, 'bottom'),
        'SequenceFlow_EscalationDecisionNewRemedy': ('top', 300, 'bottom'),
        'SequenceFlow_EscalationDecisionLegal': ('bottom', 610, 'bottom'),
        'SequenceFlow_ConfirmedOnline': ('bottom', 262, 'bottom'),
    },
    'boundaries': {'BoundaryEvent_ResolutionConfirmedByCustomer': 0.3},
}

LAYOUTS = {'complaint-handling': COMPLAINT_HANDLING}
